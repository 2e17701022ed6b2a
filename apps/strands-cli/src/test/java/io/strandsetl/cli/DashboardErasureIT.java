package io.strandsetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.strandsetl.model.store.AuditEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin's erasure in real Chromium against {@code strands serve} as the CLI wires it: the form
 * is on the Compliance page for admins only, a viewer's post and a post without the CSRF token are
 * refused, and the admin's post removes the subject's rows with Spark and shows the result (rows
 * per output, verified, audit entry ids, the value's salted hash, never the value).
 */
class DashboardErasureIT {
  static final Path CHROMIUM =
      Paths.get(System.getenv().getOrDefault("STRANDS_CHROMIUM", "/usr/bin/chromium"));
  static final String VIEWER = "viewer-token-erasure-it";
  static final String ADMIN = "admin-token-erasure-it";
  static final String SUBJECT = "bo@example.org";

  @TempDir static Path dir;
  static ServeCommand.Running running;
  static Playwright playwright;
  static Browser browser;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "Skipping browser test: no Chromium at " + CHROMIUM + " (apt-get install chromium)");
    ServeCommand command = new ServeCommand();
    command.port = 0;
    command.dataDir = dir.resolve("data");
    command.master = "local[2]";
    command.overrides =
        List.of(
            "store.sqlite.path=" + dir.resolve("tracking.db"),
            "server.viewer-token=" + VIEWER,
            "server.admin-token=" + ADMIN,
            "compliance.salt=test-salt");
    running = command.start(new PrintWriter(new StringWriter()));
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync")));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
      playwright.close();
    }
    if (running != null) {
      running.close();
    }
  }

  static Page loggedIn(String token) {
    Page page = browser.newContext().newPage();
    String url = running.server().url();
    page.navigate(url + "/login?next=/compliance");
    page.fill("input[name=token]", token);
    page.click("button[type=submit]");
    page.waitForURL(url + "/compliance");
    page.waitForSelector("body[data-ready]");
    return page;
  }

  /** A fetch from the page: status of a form post with the given CSRF token (or none). */
  static int postFromPage(Page page, boolean withCsrf, String pipeline) {
    String csrf =
        withCsrf ? "'&csrf=' + document.querySelector('meta[name=csrf-token]').content" : "''";
    Object status =
        page.evaluate(
            "p => fetch('/api/compliance/erase', {method: 'POST', headers: {'Content-Type':"
                + " 'application/x-www-form-urlencoded'}, body: 'column=email&value="
                + SUBJECT
                + "&pipeline=' + encodeURIComponent(p) + "
                + csrf
                + "}).then(r => r.status)",
            pipeline);
    return ((Number) status).intValue();
  }

  @Test
  void anAdminErasesASubjectFromTheCompliancePageAndSeesTheVerifiedResult() throws Exception {
    Path yaml = ServeAdminActionsTest.pipelineIn(dir);
    assertThat(ServeAdminActionsTest.outputTextIn(dir)).contains(SUBJECT);

    Page viewer = loggedIn(VIEWER);
    assertThat(viewer.locator("form.erase").count()).isZero();
    assertThat(postFromPage(viewer, true, yaml.toString())).isEqualTo(403);
    viewer.context().close();

    Page admin = loggedIn(ADMIN);
    assertThat(postFromPage(admin, false, yaml.toString())).isEqualTo(403);
    assertThat(ServeAdminActionsTest.outputTextIn(dir)).contains(SUBJECT);

    admin.fill("form.erase input[name=column]", "email");
    admin.fill("form.erase input[name=value]", SUBJECT);
    admin.fill("form.erase input[name=pipeline]", yaml.toString());
    admin.click("form.erase button.erase");
    admin.waitForSelector("#erasure-verified");

    assertThat(admin.textContent("#erasure-verified"))
        .isEqualTo("Verified: no row of the subject remains (2 removed).");
    assertThat(admin.textContent("#erasure-outputs tbody tr td:nth-child(4)")).isEqualTo("erased");
    assertThat(admin.textContent("#erasure-outputs tbody tr td:nth-child(5)")).isEqualTo("2");
    String digest = admin.textContent("#erasure-subject code.digest");
    assertThat(digest).startsWith("hmac-sha256:");
    assertThat(admin.content()).doesNotContain(SUBJECT);
    String audit = admin.textContent("#erasure-audit");
    assertThat(audit).startsWith("Audit entries: #");
    long sequence = Long.parseLong(audit.replaceAll("^Audit entries: #(\\d+).*$", "$1"));
    AuditEntry entry =
        running.store().auditTrail().stream()
            .filter(e -> e.sequence() == sequence)
            .findFirst()
            .orElseThrow();
    assertThat(entry.event().details()).contains(digest).doesNotContain(SUBJECT);
    assertThat(ServeAdminActionsTest.outputTextIn(dir)).doesNotContain(SUBJECT);
    admin.context().close();
  }

  @Test
  void swaggerUiListsTheAgentToolsAndTheErasureFromTheOneDocument() {
    Page page = browser.newContext().newPage();
    String url = running.server().url();
    page.navigate(url + "/login?next=/api/docs");
    page.fill("input[name=token]", VIEWER);
    page.click("button[type=submit]");
    page.waitForURL(url + "/api/docs");
    page.waitForSelector(".opblock-tag");
    String tags = page.locator(".opblock-tag").allTextContents().toString();
    assertThat(tags).contains("Agent tools: decision").contains("Agent tools: compliance");
    assertThat(tags).contains("Compliance").contains("Cost");
    assertThat(page.locator(".opblock-summary-path").allTextContents().toString())
        .contains("/api/compliance/erase")
        .contains("/api/agents/decision/tools/recommend_platform");

    // "Try it out" from the viewer's session: the page's CSRF token goes with the POST.
    Locator operation =
        page.locator(".opblock")
            .filter(
                new Locator.FilterOptions()
                    .setHas(
                        page.locator(
                            ".opblock-summary-path[data-path='/api/agents/decision/tools/recommend_platform']")));
    operation.locator(".opblock-summary").first().click();
    operation.locator("button.try-out__btn").click();
    operation.locator("textarea.body-param__text").fill("{\"inputBytes\": 1048576}");
    operation.locator("button.execute").click();
    Locator status =
        operation.locator(".live-responses-table tr.response .response-col_status").first();
    status.waitFor();
    assertThat(status.textContent().strip())
        .as(operation.locator(".live-responses-table tr.response").first().textContent())
        .isEqualTo("200");
    assertThat(
            operation
                .locator(".live-responses-table tr.response .response-col_description")
                .first()
                .textContent())
        .contains("\"platform\"")
        .contains("\"scores\"");
    page.context().close();
  }
}
