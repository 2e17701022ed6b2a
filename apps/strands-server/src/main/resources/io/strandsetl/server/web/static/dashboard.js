// Strands ETL dashboard: fills the server-rendered cards from the JSON API.
// Data is only ever inserted with textContent / DOM properties, never as HTML.
(function () {
  'use strict';

  var FILTER_KEYS = ['from', 'to', 'job', 'team', 'platform', 'status'];
  var STATUS_COLOURS = { SUCCEEDED: '#2e7d32', FAILED: '#c62828', CANCELLED: '#9e9e9e' };
  var PALETTE = ['#1565c0', '#ef6c00', '#2e7d32', '#6a1b9a', '#c62828', '#00838f', '#9e9d24', '#5d4037'];

  function filterQuery() {
    var here = new URLSearchParams(window.location.search);
    var out = new URLSearchParams();
    FILTER_KEYS.forEach(function (k) {
      var v = here.get(k);
      if (v) { out.set(k, v); }
    });
    return out;
  }

  function withParams(api, params) {
    var url = new URL(api, window.location.origin);
    params.forEach(function (v, k) { url.searchParams.set(k, v); });
    return url.pathname + url.search;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function columnIndex(table, key) {
    for (var i = 0; i < table.columns.length; i++) {
      if (table.columns[i].key === key) { return i; }
    }
    return -1;
  }

  function formatNumber(v, unit) {
    if (typeof v !== 'number') { return v === null || v === undefined ? '—' : String(v); }
    if (!unit) { return String(v); } // ids and sequence numbers: no grouping
    if (unit === 'bytes') {
      var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
      var i = 0;
      var x = v;
      while (Math.abs(x) >= 1024 && i < units.length - 1) { x /= 1024; i++; }
      return x.toLocaleString('en-US', { maximumFractionDigits: i === 0 ? 0 : 1 }) + ' ' + units[i];
    }
    var digits = unit === 'USD' ? (Math.abs(v) < 1 && v !== 0 ? 4 : 2) : (Number.isInteger(v) ? 0 : 1);
    var text = v.toLocaleString('en-US', { minimumFractionDigits: unit === 'USD' ? 2 : 0, maximumFractionDigits: digits });
    if (unit === 'USD') { return '$' + text; }
    if (unit === '%') { return text + ' %'; }
    if (unit === 's' || unit === 'ms') { return text + ' ' + unit; }
    return text;
  }

  // Quality score columns: JSON null means the dimension was not measured (no check of it ran),
  // which must not read as a number or as a generic blank.
  var QUALITY_COLUMNS = ['score_pct', 'completeness_pct', 'accuracy_pct', 'consistency_pct',
    'timeliness_pct', 'validity_pct'];

  function runLink(id) {
    var a = el('a', 'run-link', id);
    a.href = '/runs/' + encodeURIComponent(id);
    return a;
  }

  function renderTable(card, body, table) {
    if (table.rows.length === 0) { body.appendChild(el('p', 'empty', 'No data for these filters.')); return; }
    var admin = document.body.dataset.role === 'admin';
    var resolve = card.dataset.actions === 'resolve' && admin;
    var t = el('table', 'data');
    var thead = el('thead');
    var hr = el('tr');
    table.columns.forEach(function (c) {
      var th = el('th', null, c.label + (c.unit && c.unit !== 'count' ? ' (' + c.unit + ')' : ''));
      hr.appendChild(th);
    });
    if (resolve) { hr.appendChild(el('th', null, '')); }
    thead.appendChild(hr);
    t.appendChild(thead);
    var tbody = el('tbody');
    var jobIdx = columnIndex(table, 'job');
    var typeIdx = columnIndex(table, 'issue_type');
    table.rows.forEach(function (row) {
      var tr = el('tr');
      row.forEach(function (v, i) {
        var col = table.columns[i];
        var td = el('td', typeof v === 'number' ? 'num' : null);
        if ((col.key === 'execution_id') && v) {
          td.appendChild(runLink(v));
        } else if (col.key === 'status' || col.key === 'severity') {
          td.appendChild(el('span', 'tag tag-' + String(v).toLowerCase(), v));
        } else {
          td.textContent = v === null && QUALITY_COLUMNS.indexOf(col.key) >= 0
            ? 'not measured' : formatNumber(v, col.unit);
          if (typeof v === 'string' && v.length > 40) { td.className = 'long'; }
        }
        tr.appendChild(td);
      });
      if (resolve) {
        var td = el('td');
        var form = el('form', 'inline');
        form.method = 'post';
        form.action = '/api/issues/resolve';
        [['job', row[jobIdx]], ['type', row[typeIdx]], ['csrf', csrfToken()]].forEach(function (p) {
          var input = el('input');
          input.type = 'hidden';
          input.name = p[0];
          input.value = p[1];
          form.appendChild(input);
        });
        var button = el('button', 'resolve', 'Resolve');
        button.type = 'submit';
        form.appendChild(button);
        td.appendChild(form);
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    });
    t.appendChild(tbody);
    var wrap = el('div', 'table-wrap');
    wrap.appendChild(t);
    body.appendChild(wrap);
  }

  function renderKpi(card, body, table) {
    var wrap = el('div', 'kpis');
    var label = columnIndex(table, 'metric');
    var value = columnIndex(table, 'value');
    var unit = columnIndex(table, 'unit');
    var key = columnIndex(table, 'key');
    table.rows.forEach(function (row) {
      var tile = el('div', 'kpi');
      if (key >= 0) { tile.dataset.key = row[key]; }
      tile.appendChild(el('div', 'kpi-value', formatNumber(row[value], row[unit])));
      tile.appendChild(el('div', 'kpi-label', row[label] + (row[unit] && row[unit] !== '%' && row[unit] !== 'USD' && row[unit] !== 's' ? ' (' + row[unit] + ')' : '')));
      wrap.appendChild(tile);
    });
    body.appendChild(wrap);
  }

  function chartBox(body) {
    var box = el('div', 'chart');
    body.appendChild(box);
    var chart = echarts.init(box, null, { renderer: 'canvas' });
    window.addEventListener('resize', function () { chart.resize(); });
    return chart;
  }

  // Tooltips render as canvas rich text, never as HTML, so names cannot inject markup.
  var TOOLTIP = { trigger: 'axis', renderMode: 'richText' };

  function columnLabel(table, key) {
    var i = columnIndex(table, key);
    if (i < 0) { return key; }
    var c = table.columns[i];
    return c.label + (c.unit ? ' (' + c.unit + ')' : '');
  }

  function renderXY(card, body, table, kind) {
    if (table.rows.length === 0) { body.appendChild(el('p', 'empty', 'No data for these filters.')); return; }
    var x = columnIndex(table, card.dataset.x);
    var ys = card.dataset.y.split(',');
    var chart = chartBox(body);
    if (kind === 'pie') {
      var yi = columnIndex(table, ys[0]);
      chart.setOption({
        color: PALETTE,
        tooltip: { trigger: 'item', renderMode: 'richText' },
        legend: { bottom: 0, type: 'scroll' },
        series: [{ type: 'pie', radius: ['35%', '65%'], name: columnLabel(table, ys[0]),
          data: table.rows.map(function (r) { return { name: String(r[x]), value: r[yi] }; }) }]
      });
      return;
    }
    var categories = table.rows.map(function (r) { return String(r[x]); });
    var horizontal = kind === 'hbar';
    var series = ys.map(function (key) {
      var i = columnIndex(table, key);
      return { type: kind === 'line' ? 'line' : 'bar', name: columnLabel(table, key), showSymbol: false,
        data: table.rows.map(function (r) { return r[i]; }) };
    });
    if (horizontal) {
      // One readable row per category: the chart grows with the number of bars.
      body.querySelector('.chart').style.height = Math.max(300, categories.length * 14 * ys.length + 90) + 'px';
      chart.resize();
    }
    // Few categories (agents, platforms, statuses): every label, tilted when they are many.
    var few = kind !== 'line' && categories.length <= 12;
    var categoryAxis = { type: 'category', data: categories,
      axisLabel: few ? { interval: 0, rotate: horizontal || categories.length <= 5 ? 0 : 30 } : { hideOverlap: true } };
    var valueAxis = { type: 'value' };
    chart.setOption({
      color: PALETTE,
      grid: { left: horizontal ? 140 : 60, right: 20, top: 30,
        bottom: (few && !horizontal && categories.length > 5 ? 80 : 40) + (ys.length > 1 ? 20 : 0) },
      tooltip: TOOLTIP,
      legend: ys.length > 1 ? { bottom: 0 } : undefined,
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? Object.assign({ inverse: true }, categoryAxis) : valueAxis,
      series: series
    });
  }

  function renderHeatmap(card, body, table) {
    if (table.rows.length === 0) { body.appendChild(el('p', 'empty', 'No data for these filters.')); return; }
    var xi = columnIndex(table, card.dataset.x);
    var yi = columnIndex(table, card.dataset.y);
    var vi = columnIndex(table, card.dataset.v);
    var xs = Array.from(new Set(table.rows.map(function (r) { return String(r[xi]); }))).sort();
    var ys = Array.from(new Set(table.rows.map(function (r) { return String(r[yi]); }))).sort();
    var max = 1;
    var data = table.rows.map(function (r) {
      max = Math.max(max, r[vi]);
      return [xs.indexOf(String(r[xi])), ys.indexOf(String(r[yi])), r[vi]];
    });
    var chart = chartBox(body);
    body.querySelector('.chart').style.height = Math.max(260, ys.length * 28 + 120) + 'px';
    chart.resize();
    chart.setOption({
      tooltip: { trigger: 'item', renderMode: 'richText',
        formatter: function (p) { return ys[p.value[1]] + ' × ' + xs[p.value[0]] + ': ' + p.value[2]; } },
      grid: { left: 170, right: 20, top: 10, bottom: 90 },
      xAxis: { type: 'category', data: xs, axisLabel: { rotate: 40 }, splitArea: { show: true } },
      yAxis: { type: 'category', data: ys, splitArea: { show: true } },
      visualMap: { min: 0, max: max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#e3f2fd', '#1565c0', '#0d2a5c'] } },
      series: [{ type: 'heatmap', name: columnLabel(table, card.dataset.v), data: data }]
    });
  }

  function renderGantt(card, body, table) {
    if (table.rows.length === 0) { body.appendChild(el('p', 'empty', 'No runs for these filters.')); return; }
    var id = columnIndex(table, 'execution_id');
    var job = columnIndex(table, 'job');
    var status = columnIndex(table, 'status');
    var start = columnIndex(table, 'started_at');
    var end = columnIndex(table, 'ended_at');
    var jobs = Array.from(new Set(table.rows.map(function (r) { return String(r[job]); }))).sort();
    var data = table.rows.map(function (r) {
      var s = Date.parse(r[start]);
      var e = Math.max(Date.parse(r[end]), s + 1000);
      return { value: [jobs.indexOf(String(r[job])), s, e, r[id], r[status]],
        itemStyle: { color: STATUS_COLOURS[r[status]] || '#607d8b' } };
    });
    var chart = chartBox(body);
    body.querySelector('.chart').style.height = Math.max(300, jobs.length * 26 + 80) + 'px';
    chart.resize();
    chart.setOption({
      tooltip: { trigger: 'item', renderMode: 'richText', formatter: function (p) {
        return p.value[3] + ' · ' + jobs[p.value[0]] + ' · ' + p.value[4] + ' · ' +
          Math.round((p.value[2] - p.value[1]) / 1000) + ' s';
      } },
      grid: { left: 170, right: 20, top: 10, bottom: 60 },
      dataZoom: [{ type: 'slider', xAxisIndex: 0, bottom: 10 }, { type: 'inside', xAxisIndex: 0 }],
      xAxis: { type: 'time' },
      yAxis: { type: 'category', data: jobs },
      series: [{
        type: 'custom', name: 'runs', encode: { x: [1, 2], y: 0 }, data: data,
        renderItem: function (params, api) {
          var y = api.value(0);
          var from = api.coord([api.value(1), y]);
          var to = api.coord([api.value(2), y]);
          var height = api.size([0, 1])[1] * 0.6;
          var rect = echarts.graphic.clipRectByRect(
            { x: from[0], y: from[1] - height / 2, width: Math.max(2, to[0] - from[0]), height: height },
            { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height });
          return rect && { type: 'rect', shape: rect, style: api.style() };
        }
      }]
    });
    chart.on('click', function (p) {
      if (p.value && p.value[3]) { window.location.href = '/runs/' + encodeURIComponent(p.value[3]); }
    });
    var legend = el('p', 'legend');
    Object.keys(STATUS_COLOURS).forEach(function (s) {
      var item = el('span', 'tag tag-' + s.toLowerCase(), s);
      legend.appendChild(item);
    });
    body.appendChild(legend);
  }

  function renderForecast(card, body, table) {
    var day = columnIndex(table, 'day');
    var actual = columnIndex(table, 'actual_usd');
    var fc = columnIndex(table, 'forecast_usd');
    var low = columnIndex(table, 'low_usd');
    var high = columnIndex(table, 'high_usd');
    var days = table.rows.map(function (r) { return r[day]; });
    function col(i) { return table.rows.map(function (r) { return r[i]; }); }
    var chart = chartBox(body);
    chart.setOption({
      color: ['#1565c0', '#ef6c00'],
      tooltip: TOOLTIP,
      legend: { bottom: 0, data: ['Actual (USD)', 'Forecast (USD)', '80% bounds'] },
      grid: { left: 60, right: 20, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value' },
      series: [
        { name: 'Actual (USD)', type: 'line', showSymbol: false, data: col(actual) },
        { name: 'Forecast (USD)', type: 'line', showSymbol: false, lineStyle: { type: 'dashed' }, data: col(fc) },
        { name: 'low', type: 'line', stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, data: col(low) },
        { name: '80% bounds', type: 'line', stack: 'band', symbol: 'none', lineStyle: { opacity: 0 },
          areaStyle: { color: 'rgba(239,108,0,0.18)' },
          data: table.rows.map(function (r) { return r[high] === null ? null : r[high] - r[low]; }) }
      ]
    });
  }

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : '';
  }

  // Cards that show the same endpoint (e.g. three charts of /api/platforms) share one request.
  var requests = {};

  function fetchTable(api) {
    if (!requests[api]) {
      requests[api] = fetch(api, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) {
          return response.json().then(function (json) {
            if (!response.ok) { throw new Error(json.error || ('HTTP ' + response.status)); }
            return json;
          });
        });
    }
    return requests[api];
  }

  function loadCard(card, params) {
    var api = card.dataset.nofilter === 'true' ? card.dataset.api : withParams(card.dataset.api, params);
    var csv = card.querySelector('a.csv');
    var csvParams = new URLSearchParams(card.dataset.nofilter === 'true' ? '' : params.toString());
    csvParams.set('format', 'csv');
    csv.href = withParams(card.dataset.api, csvParams);
    var body = card.querySelector('.body');
    return fetchTable(api)
      .then(function (table) {
        body.textContent = '';
        var kind = card.dataset.kind;
        if (kind === 'table') { renderTable(card, body, table); }
        else if (kind === 'kpi') { renderKpi(card, body, table); }
        else if (kind === 'heatmap') { renderHeatmap(card, body, table); }
        else if (kind === 'gantt') { renderGantt(card, body, table); }
        else if (kind === 'forecast') { renderForecast(card, body, table); }
        else { renderXY(card, body, table, kind); }
        card.dataset.rows = String(table.rows.length);
        card.dataset.state = 'done';
      })
      .catch(function (error) {
        body.textContent = '';
        body.appendChild(el('p', 'error', 'Cannot load ' + card.dataset.api + ': ' + error.message));
        card.dataset.state = 'error';
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var params = filterQuery();
    var cards = Array.prototype.slice.call(document.querySelectorAll('section.card[data-api]'));
    // Empty filter fields are dropped so the URL stays short and shareable.
    var form = document.querySelector('form.filters');
    if (form) {
      form.addEventListener('submit', function () {
        Array.prototype.forEach.call(form.elements, function (input) {
          if (input.name && !input.value) { input.disabled = true; }
        });
      });
    }
    Promise.all(cards.map(function (card) { return loadCard(card, params); })).then(function () {
      var failed = cards.filter(function (c) { return c.dataset.state === 'error'; }).length;
      // Milliseconds from navigation start until every card rendered (read by the benchmark).
      document.body.dataset.readyMs = String(Math.round(performance.now()));
      document.body.dataset.ready = failed === 0 ? 'true' : 'error';
    });
  });
})();
