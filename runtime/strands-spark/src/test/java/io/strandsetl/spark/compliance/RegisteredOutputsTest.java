package io.strandsetl.spark.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.engine.store.InMemoryTrackingStore;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.store.AuditEntry;
import io.strandsetl.spark.run.PipelineRunner;
import io.strandsetl.spark.run.RunOptions;
import io.strandsetl.spark.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run registers its outputs in the audit trail; erasure without a pipeline file finds them
 * there, removes the subject from every output, verifies and audits; an unknown column or subject
 * is a distinct error; a failed rewrite changes no output; retention is enforced when writing and
 * on what is already published.
 */
class RegisteredOutputsTest {
  static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
  static final Settings SETTINGS = Settings.of(Map.of("compliance.salt", "s3cret"));

  @TempDir Path dir;

  private PipelineSpec spec() throws Exception {
    Path csv = dir.resolve("in/customers.csv");
    Files.createDirectories(csv.getParent());
    // Retention 365 days at NOW: 2024-01-01 (customer 3) is expired, 2025-12-01 is not yet.
    Files.writeString(
        csv,
        """
        customer_id,email,signup_date,spend
        1,ana.lima@example.com,2026-10-01,10
        2,bo.berg@example.org,2026-06-01,20
        3,cy.chu@example.net,2024-01-01,30
        4,di.dias@example.com,2026-11-01,40
        5,ed.eng@example.org,2025-12-01,50
        """);
    String yaml =
        """
        name: registered
        sources:
          - {name: customers, format: csv, path: $DIR/in/customers.csv, options: {header: true}}
        transforms:
          - {name: people, sql: "SELECT customer_id, email, signup_date, spend FROM customers"}
        sinks:
          - {name: a_people, from: people, path: $DIR/out/a_people, format: csv, options: {header: true}}
          - {name: b_people, from: people, path: $DIR/out/b_people, format: parquet}
        compliance:
          legal-basis: contract
          erasure-key: customer_id
          retention: 365d
          retention-column: signup_date
          columns:
            email: {purpose: receipts, mask: hash}
        """
            .replace("$DIR", dir.toString());
    return PipelineParser.parse("registered.yaml", yaml);
  }

  private RunOptions options(ComplianceHook hook) {
    return new RunOptions(
            "local[2]",
            null,
            dir.resolve("strands-data"),
            Map.of("spark.sql.shuffle.partitions", "2", "spark.ui.enabled", "false"),
            null,
            false,
            null)
        .withHooks(List.of(hook));
  }

  private static SparkSession spark() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("strands-erase-tests")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .getOrCreate();
  }

  private static void stop(SparkSession spark) {
    spark.stop();
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  private static List<String> ids(SparkSession spark, Path out, String format) {
    return spark
        .read()
        .format(format)
        .option("header", "true")
        .load(out.toString())
        .select("customer_id")
        .collectAsList()
        .stream()
        .map(r -> String.valueOf(r.get(0)))
        .sorted()
        .toList();
  }

  private static List<String> actions(InMemoryTrackingStore store) {
    return store.auditTrail().stream().map(e -> e.event().action()).toList();
  }

  @Test
  void runRegistersOutputsAndEraseWithoutPipelineRemovesTheSubjectEverywhere() throws Exception {
    PipelineSpec spec = spec();
    ComplianceHook hook =
        ComplianceHook.forPipeline(spec, SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));
    RunResult run = new PipelineRunner().run(spec, options(hook));
    assertThat(run.exitCode()).as(run.text()).isZero();
    ComplianceOutcome outcome = hook.outcome().orElseThrow();

    // Storage limitation enforced while writing: customer 3 (2024-01-01) left out of both outputs.
    assertThat(outcome.expiredRowsDropped()).isEqualTo(2);
    assertThat(outcome.text())
        .contains("  expired rows not written (retention): a_people=1 b_people=1");
    InMemoryTrackingStore store = new InMemoryTrackingStore();
    outcome.auditEvents().forEach(store::appendAudit);
    assertThat(store.auditTrail().stream().map(AuditEntry::event))
        .filteredOn(e -> e.action().equals("expired-dropped"))
        .extracting(e -> e.subject() + " " + e.details().split(" ")[0])
        .containsExactly(
            run.record().executionId() + "/sink/a_people rows=1",
            run.record().executionId() + "/sink/b_people rows=1");

    List<RegisteredOutput> registered = OutputRegistry.registered(store, null);
    assertThat(registered)
        .extracting(RegisteredOutput::sink)
        .containsExactly("a_people", "b_people");
    assertThat(registered.get(1).format()).isEqualTo("parquet");
    assertThat(registered.get(0).pii()).containsEntry("email", "masked");
    assertThat(registered.get(0).erasureKey()).isEqualTo("customer_id");
    assertThat(registered.get(0).retention()).isEqualTo(Duration.ofDays(365));

    ComplianceService service = new ComplianceService(SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));
    SparkSession spark = spark();
    try {
      Path a = dir.resolve("out/a_people");
      Path b = dir.resolve("out/b_people");
      assertThat(ids(spark, a, "csv")).containsExactly("1", "2", "4", "5");

      // A year column is a year (its rows expire once 31 December is past), not epoch seconds;
      // an unparseable date string or a null is not expired.
      var years =
          spark.sql(
              "SELECT * FROM VALUES (2010, '2010-05-01'), (2025, 'n/a'),"
                  + " (2026, '2026-01-01'), (NULL, NULL) AS t(year, day)");
      Instant cutoff = NOW.minus(Duration.ofDays(365));
      assertThat(years.filter(SubjectEraser.expired(years, "year", cutoff)).count()).isEqualTo(1);
      assertThat(years.filter(SubjectEraser.expired(years, "day", cutoff)).count()).isEqualTo(1);

      ErasureResult byId =
          service.eraseRegistered(spark, store, "customer_id", "2", null, dir, "test");
      assertThat(byId.verified()).isTrue();
      assertThat(byId.sinks())
          .extracting(s -> s.scope() + "/" + s.sink() + " " + s.status() + " " + s.rowsMatched())
          .containsExactly("registered/a_people erased 1", "registered/b_people erased 1");
      assertThat(ids(spark, a, "csv")).containsExactly("1", "4", "5");
      assertThat(ids(spark, b, "parquet")).containsExactly("1", "4", "5");

      // The e-mail is hashed in the outputs: the subject is found by hashing it the same way.
      ErasureResult byEmail =
          service.eraseRegistered(
              spark, store, "email", "di.dias@example.com", "registered", dir, "t");
      assertThat(byEmail.rowsRemoved()).isEqualTo(2);
      assertThat(ids(spark, b, "parquet")).containsExactly("1", "5");

      assertThatThrownBy(
              () -> service.eraseRegistered(spark, store, "customer_id", "2", null, dir, "test"))
          .isInstanceOf(SubjectNotFoundException.class)
          .hasMessage(
              "Cannot erase: no row with that customer_id in the 2 registered output(s) having the"
                  + " column (the value is not echoed)");
      assertThatThrownBy(
              () -> service.eraseRegistered(spark, store, "passport", "X1", null, dir, "test"))
          .isInstanceOf(SubjectNotFoundException.class)
          .hasMessageStartingWith("Cannot erase: no registered output has a column 'passport'");
      assertThatThrownBy(
              () -> service.eraseRegistered(spark, store, "customer_id", "1", "other", dir, "t"))
          .isInstanceOf(StrandsException.class)
          .isNotInstanceOf(SubjectNotFoundException.class)
          .hasMessageContaining("no output is registered in the tracking store for job other");

      // Storage limitation on what is published: 300 days later the cutoff is 2026-09-22.
      ComplianceService later =
          new ComplianceService(
              SETTINGS, Clock.fixed(NOW.plus(Duration.ofDays(300)), ZoneOffset.UTC));
      ErasureResult expired = later.eraseExpired(spark, store, null, "test");
      assertThat(expired.verified()).isTrue();
      assertThat(expired.sinks())
          .extracting(
              s -> s.sink() + " " + s.status() + " " + s.rowsMatched() + " " + s.rowsAfter())
          .containsExactly("a_people erased 1 0", "b_people erased 1 0");
      assertThat(ids(spark, a, "csv")).containsExactly("1");
      assertThat(ids(spark, b, "parquet")).containsExactly("1");

      assertThat(actions(store))
          .containsSubsequence(
              "output-registered",
              "subject-erased",
              "subject-erased",
              "subject-erased",
              "subject-not-found",
              "subject-not-found",
              "expired-erased")
          .doesNotContain("subject-erase-failed");
      assertThat(store.auditTrail())
          .extracting(e -> e.event().details())
          .noneMatch(d -> d.contains("di.dias@example.com") || d.contains("X1"));
      assertThat(store.verifyAudit().intact()).isTrue();
      try (Stream<Path> left = Files.list(dir.resolve("out"))) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .containsExactly("a_people", "b_people");
      }
    } finally {
      stop(spark);
    }
  }

  @Test
  void aFailedEraseLeavesEveryOutputAsItWas() throws Exception {
    PipelineSpec spec = spec();
    ComplianceHook hook =
        ComplianceHook.forPipeline(spec, SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(new PipelineRunner().run(spec, options(hook)).exitCode()).isZero();
    InMemoryTrackingStore store = new InMemoryTrackingStore();
    hook.outcome().orElseThrow().auditEvents().forEach(store::appendAudit);
    // The second output's data file is damaged: the first output is staged, the second cannot be.
    try (Stream<Path> files = Files.list(dir.resolve("out/b_people"))) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
        Files.writeString(p, "not parquet any more");
      }
    }
    String before = csvText(dir.resolve("out/a_people"));
    ComplianceService service = new ComplianceService(SETTINGS, Clock.fixed(NOW, ZoneOffset.UTC));
    SparkSession spark = spark();
    try {
      assertThatThrownBy(
              () -> service.eraseRegistered(spark, store, "customer_id", "1", null, dir, "test"))
          .isInstanceOf(StrandsException.class)
          .hasMessageContaining("Cannot rewrite output " + dir.resolve("out/b_people"))
          .hasMessageEndingWith("(no output was changed; staging copies removed)");
    } finally {
      stop(spark);
    }
    assertThat(csvText(dir.resolve("out/a_people"))).isEqualTo(before).contains("\n1,");
    try (Stream<Path> left = Files.list(dir.resolve("out"))) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("a_people", "b_people");
    }
    assertThat(actions(store)).endsWith("subject-erase-failed");
  }

  private static String csvText(Path out) throws Exception {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path p :
          files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
        b.append(Files.readString(p));
      }
    }
    return b.toString();
  }
}
