package io.strandsetl.spark.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.engine.store.InMemoryTrackingStore;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.store.AuditEntry;
import io.strandsetl.spark.datagen.RetailDataGenerator;
import io.strandsetl.spark.run.PipelineRunner;
import io.strandsetl.spark.run.RunOptions;
import io.strandsetl.spark.run.RunResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo pipelines (examples/customer-order-summary*.yaml) with their compliance policy on a
 * small retail dataset: the planted PII of the customer dimension is found by column, the declared
 * columns are masked, select-star is flagged by data minimisation, and no planted value reaches the
 * run directory (reports, logs, event log) or the audit trail of a store.
 */
class DemoComplianceTest {
  @TempDir Path dir;

  private static final Path EXAMPLES = Path.of("..", "..", "examples");

  private List<String> generateAndCollectPlantedValues() {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("demo-compliance-data")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    List<String> planted = new ArrayList<>();
    try {
      new RetailDataGenerator(spark, 0.002, 42).generate(dir.resolve("demo-data/retail"));
      for (Row r :
          spark
              .read()
              .parquet(dir.resolve("demo-data/retail/customer").toString())
              .select("email", "phone", "ssn", "card_number", "street_address")
              .limit(200)
              .collectAsList()) {
        for (int i = 0; i < r.size(); i++) {
          if (!r.isNullAt(i)) {
            planted.add(r.getString(i));
          }
        }
      }
    } finally {
      spark.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
    return planted;
  }

  private PipelineSpec example(String file) throws Exception {
    String yaml = Files.readString(EXAMPLES.resolve(file));
    return PipelineParser.parse(file, yaml.replace("strands-data/", dir.toString() + "/"));
  }

  private RunOptions options(ComplianceHook hook) {
    return new RunOptions(
            "local[2]",
            null,
            dir.resolve("strands-data"),
            Map.of("spark.sql.shuffle.partitions", "4", "spark.ui.enabled", "false"),
            null,
            false,
            null)
        .withHooks(List.of(hook));
  }

  private static String allText(Path root) throws Exception {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        b.append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8)).append('\n');
      }
    }
    return b.toString();
  }

  @Test
  void demoPipelinesFindMaskAndNeverLeakThePlantedPii() throws Exception {
    List<String> planted = generateAndCollectPlantedValues();
    assertThat(planted).hasSizeGreaterThan(300);

    PipelineSpec spec = example("customer-order-summary.yaml");
    ComplianceHook hook = ComplianceHook.forPipeline(spec, Settings.empty()).withAuditTrail(true);
    RunResult result = new PipelineRunner().run(spec, options(hook));
    assertThat(result.exitCode()).as(result.record().error()).isZero();

    ComplianceOutcome outcome = hook.outcome().orElseThrow();
    var customer =
        outcome.assessment().input().sources().stream()
            .filter(s -> s.dataset().equals("customer"))
            .findFirst()
            .orElseThrow();
    assertThat(customer.piiColumns())
        .extracting(c -> c.column() + "=" + c.primary().orElseThrow().entity().id())
        .contains(
            "first_name=person-name",
            "last_name=person-name",
            "email=email",
            "phone=phone",
            "ssn=us-ssn",
            "card_number=payment-card",
            "street_address=street-address",
            "city=city",
            "zip_code=zip-code",
            "birth_date=date-of-birth");
    assertThat(outcome.assessment().inventory().masked())
        .extracting(c -> c.sink() + "." + c.column() + ":" + c.mask().id())
        .containsExactlyInAnyOrder(
            "customer_order_summary.last_name:partial",
            "customer_order_summary.email:hash",
            "top_customers.last_name:partial");
    assertThat(outcome.assessment().inventory().carriedNotOutput()).contains("ssn", "card_number");
    assertThat(outcome.assessment().checks())
        .filteredOn(c -> c.id().equals("gdpr.data-minimisation"))
        .extracting(c -> c.status().name())
        .containsExactly("WARN");

    InMemoryTrackingStore store = new InMemoryTrackingStore();
    outcome.auditEvents().forEach(store::appendAudit);
    StringBuilder audit = new StringBuilder();
    for (AuditEntry e : store.auditTrail()) {
      audit.append(e.event()).append('\n');
    }
    assertThat(store.verifyAudit().intact()).isTrue();
    String runDir = allText(result.runDir());
    assertThat(runDir).contains("\"personalDataColumns\"");
    for (String value : planted) {
      assertThat(runDir).as("run directory").doesNotContain(value);
      assertThat(audit).as("audit trail").doesNotContain(value);
      assertThat(outcome.text()).doesNotContain(value);
    }

    PipelineSpec fixed = example("customer-order-summary-fixed.yaml");
    ComplianceHook fixedHook = ComplianceHook.forPipeline(fixed, Settings.empty());
    RunResult fixedResult = new PipelineRunner().run(fixed, options(fixedHook));
    assertThat(fixedResult.exitCode()).as(fixedResult.record().error()).isZero();
    var fixedOutcome = fixedHook.outcome().orElseThrow();
    assertThat(fixedOutcome.assessment().inventory().carriedNotOutput()).isEmpty();
    assertThat(fixedOutcome.assessment().violations()).isEmpty();
    // Retention (7y on the year column) is enforced and keeps the 2022-2024 demo data.
    assertThat(fixedOutcome.retentionCutoff()).isNotNull();
    assertThat(fixedOutcome.expiredRowsDropped()).isZero();
    assertThat(fixedOutcome.assessment().input().outputs())
        .allMatch(o -> o.findings().rowsScanned() > 0);
    System.out.println(outcome.text());
    System.out.println(fixedOutcome.text());
  }
}
