package io.strandsetl.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.RunningExecution;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.model.store.TrackingStoreFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Running now" on the Overview and the stages table of the run page in real Chromium, over a
 * SQLite store (schema V5): the counts and the list show a live run and an abandoned one; the run
 * page lists the stored stages with units in the headers and sizes in binary units.
 */
class RunningAndStagesBrowserIT {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static final String VIEWER = "viewer-token-running-browser";

  @TempDir static Path dir;
  static TrackingStore store;
  static DashboardServer server;
  static BrowserSession chromium;
  static String recorded;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(
        BrowserSession.available(),
        "Skipping browser tests: no Chromium at "
            + BrowserSession.CHROMIUM
            + " (apt-get install chromium, or set STRANDS_CHROMIUM)");
    Settings settings =
        Settings.of(
            Map.of(
                "store.type",
                "sqlite",
                "store.sqlite.path",
                dir.resolve("t.db").toString(),
                "store.retention.auto-purge",
                "false"));
    store =
        TrackingStoreFactory.named("sqlite", RunningAndStagesBrowserIT.class.getClassLoader())
            .create(settings);
    recorded = SampleRuns.seed(store, 200, NOW, 10, 5).get(0);
    store.markRunning(
        RunningExecution.ofThisProcess(
            "live-run", "orders-daily", "data", "local", NOW.minusSeconds(125)));
    store.markRunning(
        new RunningExecution(
            "gone-run",
            "billing",
            "finance",
            "emr",
            NOW.minusSeconds(7200),
            RunningExecution.localHost(),
            9_999_999));
    ServerConfig config =
        ServerConfig.from(Settings.of(Map.of("server.port", "0", "server.viewer-token", VIEWER)));
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

  static Page loggedIn() {
    BrowserContext context = chromium.browser.newContext();
    Page page = context.newPage();
    page.navigate(server.url() + "/login");
    page.fill("input[name=token]", VIEWER);
    page.click("button[type=submit]");
    page.waitForURL(server.url() + "/");
    ready(page);
    return page;
  }

  static void ready(Page page) {
    page.waitForSelector("body[data-ready]");
    List<String> failed = new ArrayList<>();
    for (ElementHandle card : page.querySelectorAll("section.card[data-state=error]")) {
      failed.add(card.getAttribute("data-api") + ": " + card.innerText());
    }
    assertThat(failed).as("cards that failed to load").isEmpty();
  }

  @Test
  void overviewShowsHowManyRunsAreRunningAndListsThemWithTheirState() {
    Page page = loggedIn();
    Locator counts = page.locator("section[data-api='/api/running/counts']");
    assertThat(counts.locator(".kpi-value").allTextContents()).containsExactly("1", "1");
    assertThat(counts.locator(".kpi-label").first().textContent()).startsWith("Running now");

    Locator rows = page.locator("section[data-api='/api/running'] tbody tr");
    assertThat(rows.count()).isEqualTo(2);
    assertThat(rows.nth(0).textContent()).contains("gone-run", "billing", "ABANDONED");
    assertThat(rows.nth(1).textContent()).contains("live-run", "orders-daily", "RUNNING", "125 s");
    // A running execution is not recorded yet: it has no run page to link to.
    assertThat(rows.nth(1).locator("a").count()).isZero();

    // The job filter applies to the list and the counts.
    page.navigate(server.url() + "/?job=billing");
    ready(page);
    assertThat(page.locator("section[data-api='/api/running'] tbody tr").count()).isEqualTo(1);
    assertThat(page.locator("section[data-api='/api/running/counts'] .kpi-value").allTextContents())
        .containsExactly("0", "1");
    page.context().close();
  }

  @Test
  void theRunPageListsTheStoredStagesWithUnits() {
    Page page = loggedIn();
    page.navigate(server.url() + "/runs/" + recorded);
    ready(page);
    Locator card = page.locator("section.card:has(h2:text-is('Stages'))");
    assertThat(card.getAttribute("data-state")).isEqualTo("done");
    assertThat(card.locator("thead th").allTextContents())
        .contains(
            "Duration (s)",
            "Input (bytes)",
            "Shuffle write (bytes)",
            "Spill (disk) (bytes)",
            "Slowest task (ms)",
            "Task-time skew (slowest / median) (ratio)");
    Locator rows = card.locator("tbody tr");
    assertThat(rows.count()).isEqualTo(3);
    assertThat(rows.nth(1).textContent()).contains("groupBy at Pipeline.java:42", "COMPLETE");
    // Sizes are shown in binary units, durations with their unit.
    assertThat(rows.nth(0).locator("td").nth(7).textContent()).matches("[0-9.,]+ (MiB|GiB)");
    assertThat(rows.nth(0).locator("td").nth(6).textContent()).endsWith(" s");
    assertThat(rows.nth(1).locator("td").nth(15).textContent()).isEqualTo("10");
    assertThat(page.locator("main p.note").textContent()).contains("longest 200 stage attempts");
    page.context().close();
  }
}
