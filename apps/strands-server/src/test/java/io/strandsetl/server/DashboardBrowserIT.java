package io.strandsetl.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.IssueStatus;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.model.store.TrackingStoreFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in real Chromium over a SQLite store of a few thousand generated runs: every
 * section loads with data, charts render, filters change what is shown, the timeline opens a run, a
 * viewer cannot write, a hostile job name stays text.
 */
class DashboardBrowserIT {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static final String VIEWER = "viewer-token-browser";
  static final String ADMIN = "admin-token-browser";
  static final int RUNS = 3000;

  @TempDir static Path dir;
  static TrackingStore store;
  static DashboardServer server;
  static BrowserSession chromium;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(
        BrowserSession.available(),
        "Skipping browser tests: no Chromium at "
            + BrowserSession.CHROMIUM
            + " (apt-get install chromium, or set STRANDS_CHROMIUM)");
    Settings settings =
        Settings.of(
            Map.of("store.type", "sqlite", "store.sqlite.path", dir.resolve("t.db").toString()));
    store =
        TrackingStoreFactory.named("sqlite", DashboardBrowserIT.class.getClassLoader())
            .create(settings);
    SampleRuns.seed(store, RUNS, NOW, 40, 11);
    ServerConfig config =
        ServerConfig.from(
            Settings.of(
                Map.of(
                    "server.port",
                    "0",
                    "server.viewer-token",
                    VIEWER,
                    "server.admin-token",
                    ADMIN,
                    "server.monthly-budget-usd",
                    "2000")));
    server = DashboardServer.start(config, store, Clock.fixed(NOW, ZoneOffset.UTC), List.of());
    chromium = new BrowserSession();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (server != null) {
      server.stop();
    }
    if (store != null) {
      store.close();
    }
  }

  static Page loggedIn(String token) {
    BrowserContext context = chromium.browser.newContext();
    Page page = context.newPage();
    page.navigate(server.url() + "/login");
    page.fill("input[name=token]", token);
    page.click("button[type=submit]");
    page.waitForURL(server.url() + "/");
    ready(page);
    return page;
  }

  /** Waits until every card of the page has rendered (the script sets body[data-ready]). */
  static void ready(Page page) {
    page.waitForSelector("body[data-ready]");
    List<String> failed = new ArrayList<>();
    for (ElementHandle card : page.querySelectorAll("section.card[data-state=error]")) {
      failed.add(card.getAttribute("data-api") + ": " + card.innerText());
    }
    assertThat(failed).as("cards that failed to load").isEmpty();
    assertThat(page.getAttribute("body", "data-ready")).isEqualTo("true");
  }

  static void open(Page page, String path) {
    page.navigate(server.url() + path);
    ready(page);
  }

  /**
   * The fewest defined data points of any series of the ECharts instance in {@code chart} (a series
   * bound to a column that does not exist has none), -1 without an instance.
   */
  static int seriesPoints(Page page, ElementHandle chart) {
    Object n =
        page.evaluate(
            "el => { const c = echarts.getInstanceByDom(el); if (!c) return -1;"
                + " const defined = d => d !== null && d !== undefined"
                + "   && (typeof d !== 'object' || Array.isArray(d) || d.value !== undefined);"
                + " return Math.min(...c.getOption().series.map("
                + "   x => (x.data || []).filter(defined).length)); }",
            chart);
    return ((Number) n).intValue();
  }

  /** Canvas pixels that are not fully transparent. */
  static int paintedPixels(Page page, ElementHandle chart) {
    Object n =
        page.evaluate(
            "el => { const c = el.querySelector('canvas'); if (!c) return 0;"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) n++; } return n; }",
            chart);
    return ((Number) n).intValue();
  }

  @Test
  void everySectionLoadsWithDataAndItsChartsRender() {
    Page page = loggedIn(VIEWER);
    for (String path :
        List.of(
            "/",
            "/timeline",
            "/cost",
            "/quality",
            "/issues",
            "/compliance",
            "/platforms",
            "/agents")) {
      open(page, path);
      List<ElementHandle> cards = page.querySelectorAll("section.card");
      assertThat(cards).as(path).isNotEmpty();
      int withRows = 0;
      for (ElementHandle card : cards) {
        assertThat(card.getAttribute("data-state"))
            .as(path + " " + card.getAttribute("data-api"))
            .isEqualTo("done");
        if (Integer.parseInt(card.getAttribute("data-rows")) > 0) {
          withRows++;
        }
      }
      assertThat(withRows).as(path + " cards with data").isGreaterThanOrEqualTo(cards.size() - 1);
      for (ElementHandle chart : page.querySelectorAll("div.chart")) {
        assertThat(seriesPoints(page, chart)).as(path + " chart series points").isPositive();
        assertThat(paintedPixels(page, chart))
            .as(path + " chart canvas painted")
            .isGreaterThan(500);
      }
    }
    page.context().close();
  }

  @Test
  void filtersChangeWhatIsShownAndStayInTheUrl() {
    Page page = loggedIn(VIEWER);
    open(page, "/cost");
    Locator topRows = page.locator("section[data-api='/api/cost/top-jobs'] tbody tr");
    assertThat(topRows.count()).isGreaterThan(1);
    page.selectOption("form.filters select[name=job]", "orders-daily");
    page.click("form.filters button[type=submit]");
    page.waitForURL("**/cost?job=orders-daily");
    ready(page);
    assertThat(topRows.count()).isEqualTo(1);
    assertThat(topRows.first().locator("td").first().textContent()).isEqualTo("orders-daily");
    // Navigation keeps the filter.
    page.click("header nav a:has-text('Platforms')");
    page.waitForURL("**/platforms?job=orders-daily");
    ready(page);
    String statusBefore = page.locator("section[data-api='/api/platforms'] tbody").textContent();
    open(page, "/platforms?job=orders-daily&status=FAILED");
    String statusAfter = page.locator("section[data-api='/api/platforms'] tbody").textContent();
    assertThat(statusAfter).isNotEqualTo(statusBefore);
    page.context().close();
  }

  @Test
  void clickingARunInTheTimelineOpensItsPage() {
    Page page = loggedIn(VIEWER);
    open(page, "/timeline?from=2026-11-19&to=2026-11-20");
    ElementHandle chart = page.querySelector("section[data-kind=gantt] div.chart");
    @SuppressWarnings("unchecked")
    Map<String, Object> target =
        (Map<String, Object>)
            page.evaluate(
                "el => { const c = echarts.getInstanceByDom(el);"
                    + " const data = c.getOption().series[0].data;"
                    + " let best = data[0]; for (const d of data) {"
                    + "   if (d.value[2] - d.value[1] > best.value[2] - best.value[1]) best = d; }"
                    + " const mid = (best.value[1] + best.value[2]) / 2;"
                    + " const p = c.convertToPixel({gridIndex: 0}, [mid, best.value[0]]);"
                    + " return {x: p[0], y: p[1], id: best.value[3]}; }",
                chart);
    BoundingBox box = chart.boundingBox();
    page.mouse()
        .click(
            box.x + ((Number) target.get("x")).doubleValue(),
            box.y + ((Number) target.get("y")).doubleValue());
    String id = (String) target.get("id");
    page.waitForURL("**/runs/" + id);
    ready(page);
    assertThat(page.locator("h1").textContent()).isEqualTo("Run " + id);
    assertThat(page.locator("section[data-api$='/metrics'] tbody").textContent())
        .contains("Duration");
    page.context().close();
  }

  @Test
  void aJobNamedLikeAScriptRendersAsText() {
    Page page = loggedIn(VIEWER);
    AtomicInteger dialogs = new AtomicInteger();
    page.onDialog(
        d -> {
          dialogs.incrementAndGet();
          d.dismiss();
        });
    String job = SampleRuns.HOSTILE_JOB;
    open(page, "/?job=" + URLEncoder.encode(job, StandardCharsets.UTF_8));
    Locator cells = page.locator("section[data-api^='/api/executions'] tbody tr td:nth-child(2)");
    assertThat(cells.count()).isPositive();
    assertThat(cells.first().textContent()).isEqualTo(job);
    assertThat(page.locator("form.filters select[name=job] option[selected]").textContent())
        .isEqualTo(job);
    open(page, "/issues?job=" + URLEncoder.encode(job, StandardCharsets.UTF_8));
    assertThat(page.locator("section[data-api='/api/issues/top'] tbody td").first().textContent())
        .isEqualTo(job);
    assertThat(
            ((Number) page.evaluate("document.querySelectorAll('body script').length")).intValue())
        .isZero();
    assertThat(dialogs.get()).isZero();
    page.context().close();
  }

  @Test
  void aViewerCannotPostWhileAnAdminResolvesAnIssueFromThePage() {
    Page viewer = loggedIn(VIEWER);
    open(viewer, "/issues");
    assertThat(viewer.locator("button.resolve").count()).isZero();
    Object status =
        viewer.evaluate(
            "() => fetch('/api/issues/resolve', {method: 'POST', headers: {'X-CSRF-Token':"
                + " document.querySelector('meta[name=csrf-token]').content, 'Content-Type':"
                + " 'application/x-www-form-urlencoded'}, body: 'job=orders-daily&type=spill'})"
                + ".then(r => r.status)");
    assertThat(((Number) status).intValue()).isEqualTo(403);
    viewer.context().close();

    Page admin = loggedIn(ADMIN);
    open(admin, "/issues");
    Locator firstRow = admin.locator("section[data-api='/api/issues/active'] tbody tr").first();
    String job = firstRow.locator("td").nth(0).textContent();
    String type = firstRow.locator("td").nth(1).textContent();
    firstRow.locator("button.resolve").click();
    admin.waitForURL(server.url() + "/issues");
    ready(admin);
    assertThat(
            store.issues().stream()
                .filter(i -> i.key().jobName().equals(job) && i.key().issueType().equals(type))
                .findFirst()
                .orElseThrow()
                .status())
        .isEqualTo(IssueStatus.RESOLVED);
    admin.context().close();
  }

  @Test
  void swaggerUiShowsTheApi() {
    Page page = loggedIn(VIEWER);
    page.navigate(server.url() + "/api/docs");
    page.waitForSelector(".opblock-tag");
    assertThat(page.locator(".opblock-tag").allTextContents().toString()).contains("Cost");
    assertThat(page.locator(".opblock-summary-path").count()).isGreaterThan(30);
    page.context().close();
    assertThat(Files.exists(dir.resolve("t.db"))).isTrue();
  }
}
