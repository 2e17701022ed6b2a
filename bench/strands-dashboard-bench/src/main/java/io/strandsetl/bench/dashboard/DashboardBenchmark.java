package io.strandsetl.bench.dashboard;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.model.store.TrackingStoreFactory;
import io.strandsetl.server.DashboardServer;
import io.strandsetl.server.ServerConfig;
import io.strandsetl.server.web.Pages;
import io.strandsetl.store.jdbc.JdbcTrackingStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard at scale: seeds a SQLite tracking store with N generated executions (kept between
 * runs), starts the server, then measures (1) the latency of every API call behind the eight
 * section pages (p50 / p95 / max over repeated calls after warm-up; target p95 <= 100 ms) and (2)
 * the time until each section page is complete in Chromium (navigation start to the moment every
 * card has rendered, read from {@code body[data-ready-ms]}; target <= 2000 ms). Ratios are printed
 * against the targets. Not a test: run it with bench/run-dashboard-bench.sh.
 */
public final class DashboardBenchmark {
  static final double API_TARGET_MS = 100;
  static final double PAGE_TARGET_MS = 2000;

  public static void main(String[] args) throws Exception {
    Map<String, String> a = options(args);
    int runs = Integer.parseInt(a.getOrDefault("runs", "1000000"));
    int days = Integer.parseInt(a.getOrDefault("days", "90"));
    int samples = Integer.parseInt(a.getOrDefault("samples", "30"));
    int pageLoads = Integer.parseInt(a.getOrDefault("page-loads", "5"));
    Path db = Paths.get(a.getOrDefault("db", "target/dashboard-bench.db")).toAbsolutePath();
    Path chromium = Paths.get(a.getOrDefault("chromium", "/usr/bin/chromium"));
    Files.createDirectories(db.getParent());

    // The generation instant is kept beside the store, so a reused store is read at the same "now".
    Path nowFile = Paths.get(db + ".now");
    Instant now =
        Files.exists(nowFile)
            ? Instant.parse(Files.readString(nowFile).trim())
            : Instant.now().truncatedTo(ChronoUnit.DAYS);
    Files.writeString(nowFile, now.toString());
    Settings storeSettings =
        Settings.of(
            Map.of(
                "store.type", "sqlite",
                "store.sqlite.path", db.toString(),
                "store.retention.auto-purge", "false"));
    try (TrackingStore store =
        TrackingStoreFactory.named("sqlite", DashboardBenchmark.class.getClassLoader())
            .create(storeSettings)) {
      seed(store, runs, now, days);
      if (Boolean.parseBoolean(a.getOrDefault("seed-only", "false"))) {
        return;
      }
      Map<String, Long> counts = store.rowCounts();
      System.out.printf(Locale.ROOT, "store %s: %s%n", db, counts);
      System.out.printf(
          Locale.ROOT,
          "machine: %d cores, max heap %d MiB, %s %s, java %s%n",
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20,
          System.getProperty("os.name"),
          System.getProperty("os.arch"),
          System.getProperty("java.version"));

      ServerConfig config =
          ServerConfig.from(
              Settings.of(
                  Map.of(
                      "server.port", "0",
                      "server.viewer-token", "bench-viewer",
                      "server.admin-token", "bench-admin",
                      "server.monthly-budget-usd", "50000")));
      DashboardServer server =
          DashboardServer.start(config, store, Clock.fixed(now, ZoneOffset.UTC), List.of());
      try {
        HttpClient http = HttpClient.newHttpClient();
        long auditStart = System.nanoTime();
        while (get(http, server.url() + "/api/compliance/audit/verify").contains("\"checking\"")) {
          Thread.sleep(100);
        }
        System.out.printf(
            Locale.ROOT,
            "audit-chain verification at start (background, whole chain): %.1f s%n",
            (System.nanoTime() - auditStart) / 1e9);
        measureApi(http, server.url(), samples);
        if (Files.isExecutable(chromium)) {
          measurePages(chromium, server.url(), pageLoads, a.get("screenshots"));
        } else {
          System.out.println("pages: skipped, no Chromium at " + chromium);
        }
      } finally {
        server.stop();
      }
    }
  }

  static void seed(TrackingStore store, int runs, Instant now, int days) {
    long have = store.rowCounts().getOrDefault("job_executions", 0L);
    if (have >= runs) {
      return;
    }
    RunGenerator generator = new RunGenerator(now, days, 1);
    long start = System.nanoTime();
    int batch = 5000;
    for (int n = (int) have; n < runs; n += batch) {
      List<RunRecord> records = generator.batch(n, Math.min(batch, runs - n));
      if (store instanceof JdbcTrackingStore jdbc) {
        jdbc.recordRuns(records);
      } else {
        records.forEach(store::recordRun);
      }
      if ((n / batch) % 20 == 0) {
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "seeded %d runs (%.0f runs/s)%n",
            n + records.size(),
            (n + records.size() - have) / s);
      }
    }
    double s = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT, "seeded %d runs in %.0f s (%.0f runs/s)%n", runs - have, s, (runs - have) / s);
  }

  static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer bench-viewer")
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + url + " -> " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  static void measureApi(HttpClient http, String base, int samples) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "%nAPI latency, %d calls each after 3 warm-up calls (ms; target p95 <= %.0f)%n",
        samples,
        API_TARGET_MS);
    System.out.printf(
        Locale.ROOT,
        "%-12s %-40s %8s %8s %8s %9s%n",
        "section",
        "call",
        "p50",
        "p95",
        "max",
        "p95/target");
    double worst = 0;
    String worstCall = "";
    for (Map.Entry<String, List<String>> section : Pages.sectionApis().entrySet()) {
      for (String api : section.getValue()) {
        String url = base + api;
        for (int i = 0; i < 3; i++) {
          get(http, url);
        }
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
          long t = System.nanoTime();
          get(http, url);
          ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        double p95 = percentile(ms, 0.95);
        if (p95 > worst) {
          worst = p95;
          worstCall = api;
        }
        System.out.printf(
            Locale.ROOT,
            "%-12s %-40s %8.1f %8.1f %8.1f %9.2f%n",
            section.getKey(),
            api,
            percentile(ms, 0.5),
            p95,
            ms[ms.length - 1],
            p95 / API_TARGET_MS);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "worst API p95: %.1f ms (%s), %.2f x target%n",
        worst,
        worstCall,
        worst / API_TARGET_MS);
  }

  static void measurePages(Path chromium, String base, int loads, String screenshots) {
    try (Playwright playwright =
            Playwright.create(
                new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser =
            playwright
                .chromium()
                .launch(
                    new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(
                            List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")))) {
      BrowserContext context = browser.newContext();
      Page page = context.newPage();
      page.navigate(base + "/login");
      page.fill("input[name=token]", "bench-viewer");
      page.click("button[type=submit]");
      page.waitForSelector("body[data-ready]");
      System.out.printf(
          Locale.ROOT,
          "%nPage complete in Chromium (ms from navigation start until every card rendered; %d loads after 1 warm-up; target <= %.0f)%n",
          loads,
          PAGE_TARGET_MS);
      System.out.printf(Locale.ROOT, "%-12s %8s %8s %9s%n", "page", "median", "max", "max/target");
      double worst = 0;
      for (String path : Pages.sectionApis().keySet()) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i <= loads; i++) {
          page.navigate(base + path);
          page.waitForSelector(
              "body[data-ready]", new Page.WaitForSelectorOptions().setTimeout(60_000));
          if (!"true".equals(page.getAttribute("body", "data-ready"))) {
            throw new IllegalStateException("page " + path + " had a card that failed to load");
          }
          if (i > 0) {
            times.add(Double.parseDouble(page.getAttribute("body", "data-ready-ms")));
          }
        }
        if (screenshots != null) {
          String name = path.equals("/") ? "overview" : path.substring(1);
          page.screenshot(
              new Page.ScreenshotOptions()
                  .setPath(Paths.get(screenshots, name + ".png"))
                  .setFullPage(true));
        }
        times.sort(Double::compare);
        double max = times.get(times.size() - 1);
        worst = Math.max(worst, max);
        System.out.printf(
            Locale.ROOT,
            "%-12s %8.0f %8.0f %9.2f%n",
            path,
            times.get(times.size() / 2),
            max,
            max / PAGE_TARGET_MS);
      }
      System.out.printf(
          Locale.ROOT, "worst page: %.0f ms, %.2f x target%n", worst, worst / PAGE_TARGET_MS);
    }
  }

  static double percentile(double[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "Invalid argument: '"
                + args[i]
                + "' (expected --runs N --days D --samples S --page-loads L --db FILE --chromium PATH --seed-only true --screenshots DIR)");
      }
      out.put(args[i].substring(2), args[++i]);
    }
    return out;
  }
}
