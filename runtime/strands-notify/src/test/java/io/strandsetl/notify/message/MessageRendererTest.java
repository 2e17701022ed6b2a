package io.strandsetl.notify.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.finding.Severity;
import io.strandsetl.model.store.ComplianceSummary;
import io.strandsetl.model.store.DetectedIssue;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.QualityScores;
import io.strandsetl.model.store.QualitySummary;
import io.strandsetl.notify.Runs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageRendererTest {
  private final MessageRenderer renderer = new MessageRenderer("https://strands.example.com/");

  @Test
  void subjectNamesJobAndStatus() {
    MessageContent content = renderer.render(RunNotice.of(Runs.succeeded("orders-daily")));

    assertThat(content.subject()).isEqualTo("[Strands ETL] Job orders-daily - SUCCEEDED");
    assertThat(content.key()).isEqualTo("run/exec-0001");
  }

  @Test
  void runMessageShowsStatusDurationCostQualityIssuesAndCompliance() {
    MessageContent content =
        renderer.render(
            RunNotice.of(Runs.succeeded("orders-daily"))
                .withPlatformCosts(
                    List.of(
                        new PlatformCost("local", 0.03, true),
                        new PlatformCost("glue", 0.0440, true),
                        new PlatformCost("emr-serverless", 0.0120, true),
                        new PlatformCost("lambda", 0.0010, false)))
                .withRecommendations(
                    List.of(new SavingRecommendation("Broadcast the dimension table", 0.0042))));

    for (String body : List.of(content.text(), content.html())) {
      assertThat(body)
          .contains("SUCCEEDED")
          .contains("2026-11-25 10:00:00 UTC") // tests run in America/Sao_Paulo: times stay UTC
          .contains("2m 05s")
          .contains("$0.0300")
          .contains("$0.0250") // compute
          .contains("emr-serverless at $0.0120, saves $0.0180 (60.0 %) per run")
          .contains("not feasible")
          .contains("91.8 %") // overall
          .contains("72.0 %") // validity
          .contains("HIGH data-skew: task 7 read 14x the median")
          .contains("Broadcast the dimension table (estimated savings $0.0042 per run)")
          .contains("3 detected, 2 masked")
          .contains("https://strands.example.com/runs/exec-0001");
    }
  }

  @Test
  void issuesAreListedMostSevereFirst() {
    String text = renderer.render(RunNotice.of(Runs.succeeded("j"))).text();

    assertThat(text).contains("Issues (3: 1 high, 1 medium, 1 low)");
    assertThat(text.indexOf("HIGH data-skew"))
        .isLessThan(text.indexOf("MEDIUM spill"))
        .isGreaterThan(0);
    assertThat(text.indexOf("MEDIUM spill")).isLessThan(text.indexOf("LOW small-files"));
  }

  @Test
  void missingAnalysesSayNotMeasuredOrNotChecked() {
    ExecutionRecord ok = Runs.succeeded("bare");
    ExecutionRecord bare =
        new ExecutionRecord(
            ok.executionId(),
            ok.jobName(),
            ok.jobType(),
            ok.platform(),
            ok.status(),
            ok.startedAt(),
            ok.endedAt(),
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(),
            ok.tags(),
            null);

    String text = new MessageRenderer(null).render(RunNotice.of(bare)).text();

    assertThat(text)
        .contains("Completeness:")
        .contains("not measured")
        .contains("Total:                not computed")
        .contains("Status:               not checked")
        .contains("No issues detected.")
        .contains("set notify.dashboard-url");
    assertThat(text.split("not measured", -1)).hasSize(7); // six scores
  }

  @Test
  void failureMessageCarriesErrorFailedStepAndWhatStillRan() {
    MessageContent content =
        renderer.render(
            RunNotice.of(Runs.failed("orders-daily"))
                .withFailure("sink orders_out", List.of("source orders", "transform enrich")));

    assertThat(content.subject()).isEqualTo("[Strands ETL] Job orders-daily - FAILED");
    assertThat(content.text())
        .contains("Error:")
        .contains("RUN_FAILED: Cannot write sink orders_out: disk full")
        .doesNotContain("org.apache.spark.Foo") // only the first line, no stack trace
        .contains("Failed step:")
        .contains("sink orders_out")
        .contains("step source orders finished")
        .contains("step transform enrich finished")
        .contains("analysed after the failure: metrics, cost");
  }

  @Test
  void htmlEscapesEverythingFromTheRecord() {
    ExecutionRecord ok = Runs.succeeded("<script>alert(1)</script>");
    ExecutionRecord hostile =
        new ExecutionRecord(
            "id\"><img src=x onerror=alert(2)>",
            ok.jobName(),
            ok.jobType(),
            "<b>local</b>",
            ok.status(),
            ok.startedAt(),
            ok.endedAt(),
            null,
            null,
            null,
            ok.cost(),
            null,
            new ComplianceSummary(true, true, 0, 0, true, true, true, true, "<i>secret</i>"),
            List.of(new DetectedIssue("x<y", Severity.LOW, "a & b <c>")),
            List.of("use <broadcast>"),
            List.of(),
            null,
            List.of(),
            ok.tags(),
            null);

    MessageContent content = renderer.render(RunNotice.of(hostile));

    assertThat(content.html())
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("<b>local")
        .doesNotContain("<i>secret")
        .contains("a &amp; b &lt;c&gt;")
        .contains("use &lt;broadcast&gt;")
        // The link carries the id percent-encoded, inside a quoted, escaped attribute.
        .contains("href=\"https://strands.example.com/runs/id%22%3E%3Cimg%20src%3Dx");
    assertThat(content.subject())
        .isEqualTo("[Strands ETL] Job <script>alert(1)</script> - SUCCEEDED");
  }

  @Test
  void htmlStaysUnder100KiloBytesWithThousandsOfIssuesAndSteps() {
    ExecutionRecord ok = Runs.succeeded("big");
    List<DetectedIssue> issues = new ArrayList<>();
    List<String> recommendations = new ArrayList<>();
    List<String> steps = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      issues.add(
          new DetectedIssue(
              "issue-" + i, Severity.values()[i % 4], "summary " + "x".repeat(280) + i));
      recommendations.add("recommendation " + "y".repeat(280) + i);
      steps.add("step-" + i);
    }
    ExecutionRecord big =
        new ExecutionRecord(
            ok.executionId(),
            ok.jobName(),
            ok.jobType(),
            ok.platform(),
            io.strandsetl.model.store.ExecutionStatus.FAILED,
            ok.startedAt(),
            ok.endedAt(),
            null,
            null,
            ok.metrics(),
            ok.cost(),
            ok.quality(),
            ok.compliance(),
            issues,
            recommendations,
            List.of(),
            null,
            List.of(),
            ok.tags(),
            null);

    MessageContent content = renderer.render(RunNotice.of(big).withFailure("step-4000", steps));

    assertThat(content.html().getBytes(StandardCharsets.UTF_8).length).isLessThan(100 * 1024);
    assertThat(content.html())
        .contains("and 990 more CRITICAL issues")
        .contains("and 3980 more steps");
  }

  @Test
  void htmlUsesInlineStylesAndTablesOnly() {
    String html = renderer.render(RunNotice.of(Runs.succeeded("j"))).html();

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<table").contains("style=\"");
    assertThat(html).doesNotContain("<style").doesNotContain("<script").doesNotContain("class=");
  }

  @Test
  void runDirectoryIsShown() {
    String text =
        renderer
            .render(RunNotice.of(Runs.succeeded("j")).withRunDirectory(Path.of("/runs/r1")))
            .text();

    assertThat(text).contains("Run directory:").contains("/runs/r1");
  }

  @Test
  void cheapestAlternativeThatIsNotCheaperIsSaidSo() {
    String text =
        renderer
            .render(
                RunNotice.of(Runs.succeeded("j"))
                    .withPlatformCosts(List.of(new PlatformCost("glue", 0.5, true))))
            .text();

    assertThat(text).contains("glue at $0.5000 (not cheaper than this run)");
  }

  @Test
  void rejectsDashboardUrlThatIsNotHttp() {
    assertThatThrownBy(() -> new MessageRenderer("javascript:alert(1)"))
        .hasMessage(
            "Invalid notify.dashboard-url: 'javascript:alert(1)' (expected an http:// or https://"
                + " URL such as http://localhost:8080)");
  }

  @Test
  void budgetAlertsAt80And100PercentHaveTheirOwnSubjectAndKey() {
    MessageContent warning =
        renderer.render(new BudgetAlert("orders-daily", "2026-11", 100, 85, 120.0));
    MessageContent exceeded =
        renderer.render(new BudgetAlert("orders-daily", "2026-11", 100, 101.5, null));

    assertThat(warning.subject())
        .isEqualTo("[Strands ETL] Alert: 80 % of budget used by orders-daily (2026-11)");
    assertThat(warning.text()).contains("85.0 %").contains("$120.00").contains("$15.00");
    assertThat(exceeded.subject())
        .isEqualTo("[Strands ETL] Alert: budget exceeded for orders-daily (2026-11)");
    assertThat(exceeded.text()).contains("101.5 %").contains("Over budget by:").contains("$1.50");
    assertThat(warning.text()).contains("Remaining:");
    assertThat(warning.key()).isNotEqualTo(exceeded.key());
    assertThatThrownBy(() -> new BudgetAlert("j", "2026-11", 100, 79, null))
        .hasMessageContaining("below 80 % of the budget");
  }

  @Test
  void costAnomalyAlertShowsActualExpectedAndDifference() {
    MessageContent content =
        renderer.render(
            new CostAnomalyAlert("orders", "exec-9", 4.0, 1.0, "4.2 standard deviations above"));

    assertThat(content.subject()).isEqualTo("[Strands ETL] Alert: cost anomaly in job orders");
    assertThat(content.text())
        .contains("$4.00")
        .contains("+$3.00 (+300.0 %)")
        .contains("4.2 standard deviations above")
        .contains("https://strands.example.com/runs/exec-9");
  }

  @Test
  void qualityDropAlertShowsEachDimensionChange() {
    MessageContent content =
        renderer.render(
            new QualityDropAlert(
                "orders",
                "exec-9",
                "orders_out",
                new QualityScores(0.99, 0.98, 0.97, 1.0, 0.96, 0.98),
                new QualityScores(0.80, 0.98, 0.97, 1.0, 0.96, 0.94)));

    assertThat(content.subject())
        .isEqualTo("[Strands ETL] Alert: quality drop in job orders (orders_out)");
    assertThat(content.text()).contains("99.0 % → 80.0 % (-19.0 points)");
  }

  @Test
  void runMessagePrintsNotMeasuredForADimensionWithoutChecks() {
    ExecutionRecord ok = Runs.succeeded("orders-daily");
    QualitySummary measured = ok.quality();
    QualitySummary partly =
        new QualitySummary(
            new QualityScores(0.99, null, 0.91, null, 0.72, 0.9),
            measured.nullPercent(),
            measured.duplicatePercent(),
            measured.schemaViolations(),
            measured.businessRuleViolations(),
            measured.checksPassed(),
            measured.checksFailed());
    ExecutionRecord run =
        new ExecutionRecord(
            ok.executionId(),
            ok.jobName(),
            ok.jobType(),
            ok.platform(),
            ok.status(),
            ok.startedAt(),
            ok.endedAt(),
            ok.workload(),
            ok.decision(),
            ok.metrics(),
            ok.cost(),
            partly,
            ok.compliance(),
            ok.issues(),
            ok.recommendations(),
            ok.optimisationsApplied(),
            ok.error(),
            ok.stakeholders(),
            ok.tags(),
            ok.notification());

    String text = renderer.render(RunNotice.of(run)).text();

    assertThat(text)
        .containsPattern("Accuracy\\W+not measured")
        .containsPattern("Timeliness\\W+not measured");
    assertThat(text).containsPattern("Completeness\\W+99\\.0 %");
    assertThat(text.split("not measured", -1)).hasSize(3); // exactly the two unmeasured scores
  }

  @Test
  void qualityDropAlertPrintsNotMeasuredInsteadOfAChange() {
    String text =
        renderer
            .render(
                new QualityDropAlert(
                    "orders",
                    "exec-9",
                    "orders_out",
                    new QualityScores(0.99, null, 0.97, 1.0, 0.96, 0.98),
                    new QualityScores(0.80, 0.98, 0.97, null, 0.96, 0.94)))
            .text();

    assertThat(text)
        .contains("not measured → 98.0 %")
        .contains("100.0 % → not measured")
        .contains("99.0 % → 80.0 % (-19.0 points)");
  }

  @Test
  void complianceViolationAlertListsViolationsWithoutValues() {
    MessageContent content =
        renderer.render(
            new ComplianceViolationAlert(
                "customers",
                "exec-3",
                List.of("column email: PII not masked (GDPR art. 32)"),
                true,
                new ComplianceSummary(false, true, 2, 1, true, true, true, true, "restricted")));

    assertThat(content.subject())
        .isEqualTo("[Strands ETL] Alert: compliance violation in job customers");
    assertThat(content.text())
        .contains("column email: PII not masked (GDPR art. 32)")
        .contains("not published (blocked by policy")
        .contains("NOT compliant")
        .contains("2 detected, 1 masked");
  }
}
