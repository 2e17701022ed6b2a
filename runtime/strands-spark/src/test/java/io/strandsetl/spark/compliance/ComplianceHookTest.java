package io.strandsetl.spark.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.compliance.CheckStatus;
import io.strandsetl.compliance.pii.EntityType;
import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.store.AuditEvent;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compliance hook on real runs: masks what the policy names, finds what it does not, blocks
 * publishing under on-violation: block, and no planted value reaches the run directory.
 */
class ComplianceHookTest {
  @TempDir Path dir;

  /** Planted values: every one must stay out of reports, logs and audit events. */
  static final List<String> PLANTED =
      List.of(
          "ana.lima@example.com",
          "bo.berg@example.org",
          "cy.chu@example.net",
          "078-05-1121",
          "219-09-9998",
          "536-22-8745",
          "4111111111111111",
          "5500005555555559",
          "340000000000009",
          "(415) 555-2671",
          "+44 20 7946 0958",
          "212-555-0143");

  private PipelineSpec spec(String compliance) throws Exception {
    Path csv = dir.resolve("in/customers.csv");
    Files.createDirectories(csv.getParent());
    Files.writeString(
        csv,
        """
        customer_id,first_name,email,ssn,card_number,phone,city,spend
        1,Ana,ana.lima@example.com,078-05-1121,4111111111111111,(415) 555-2671,Lisbon,10.5
        2,Bo,bo.berg@example.org,219-09-9998,5500005555555559,+44 20 7946 0958,Oslo,20
        3,Cy,cy.chu@example.net,536-22-8745,340000000000009,212-555-0143,Taipei,30
        """);
    String yaml =
        """
        name: hooked-compliance
        sources:
          - {name: customers, format: csv, path: $DIR/in/customers.csv, options: {header: true}}
        transforms:
          - {name: wide, sql: "SELECT * FROM customers"}
          - {name: out, sql: "SELECT customer_id, first_name, email, ssn, card_number, phone, spend FROM wide"}
        sinks:
          - {from: out, path: $DIR/out/customers, format: csv, options: {header: true}}
        """
            .replace("$DIR", dir.toString());
    return PipelineParser.parse("hooked.yaml", yaml + compliance);
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

  private static String written(Path out) throws Exception {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
        b.append(Files.readString(p));
      }
    }
    return b.toString();
  }

  /** Every text file under {@code root} (reports, logs, event log), concatenated. */
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
  void masksDeclaredColumnsReportsPiiByColumnAndLeaksNoPlantedValue() throws Exception {
    PipelineSpec spec =
        spec(
            """
            compliance:
              on-violation: warn
              legal-basis: contract
              erasure-key: customer_id
              breach-contact: dpo@example.com
              retention: 400d
              columns:
                email: {purpose: order confirmations, mask: hash}
                ssn: {mask: redact}
                card_number: {mask: partial}
                phone: {purpose: delivery calls, mask: tokenise}
                first_name: {purpose: greeting}
            """);
    ComplianceHook hook =
        ComplianceHook.forPipeline(spec, Settings.of(Map.of("compliance.salt", "s3cret")));
    RunResult result = new PipelineRunner().run(spec, options(hook));

    assertThat(result.exitCode()).isZero();
    String out = written(dir.resolve("out/customers"));
    assertThat(out).contains("[REDACTED]").contains("************1111").contains("tok_");
    for (String value : PLANTED) {
      if (!value.startsWith("4111") && !value.startsWith("5500") && !value.startsWith("3400")) {
        assertThat(out).doesNotContain(value);
      }
    }
    ComplianceOutcome outcome = hook.outcome().orElseThrow();
    var source = outcome.assessment().input().sources().get(0);
    assertThat(source.piiColumns())
        .extracting(c -> c.column() + "=" + c.primary().orElseThrow().entity())
        .contains(
            "email=" + EntityType.EMAIL_ADDRESS,
            "ssn=" + EntityType.US_SSN,
            "card_number=" + EntityType.PAYMENT_CARD,
            "phone=" + EntityType.PHONE_NUMBER,
            "first_name=" + EntityType.PERSON_NAME);
    assertThat(outcome.assessment().inventory().masked())
        .extracting(c -> c.column() + ":" + c.mask().id())
        .containsExactly("email:hash", "ssn:redact", "card_number:partial", "phone:tokenise");
    // ssn and card number have no declared purpose: minimisation fails, the run still publishes.
    assertThat(outcome.assessment().checks())
        .filteredOn(c -> c.id().equals("gdpr.data-minimisation"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
              assertThat(c.signal()).contains("out.ssn", "out.card_number");
            });
    assertThat(outcome.assessment().inventory().carriedNotOutput()).containsExactly("city");
    assertThat(outcome.halted()).isFalse();
    assertThat(outcome.summary().piiColumnsMasked()).isEqualTo(4);

    Path runDir = result.runDir();
    String report = Files.readString(runDir.resolve("compliance.json"));
    assertThat(report).contains("\"status\"").contains("\"ssn\"").contains("\"redact\"");
    String everything = allText(runDir);
    List<String> events = new ArrayList<>();
    for (AuditEvent e : outcome.auditEvents()) {
      events.add(e.subject() + " " + e.details());
    }
    for (String value : PLANTED) {
      assertThat(everything).as("run directory").doesNotContain(value);
      assertThat(String.join("\n", events)).as("audit events").doesNotContain(value);
      assertThat(outcome.text()).doesNotContain(value);
    }
    assertThat(events).anyMatch(e -> e.contains("gdpr.data-minimisation") && e.contains("fail"));
  }

  @Test
  void blocksPublishingWhenRestrictedIdentifiersWouldBeWrittenUnmasked() throws Exception {
    PipelineSpec spec =
        spec(
            """
            compliance:
              on-violation: block
              columns:
                email: {purpose: receipts, mask: redact}
            """);
    ComplianceHook hook = ComplianceHook.forPipeline(spec, Settings.empty());
    RunResult result = new PipelineRunner().run(spec, options(hook));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.record().failingStep()).isEqualTo("gate 'compliance'");
    assertThat(result.record().error())
        .startsWith(
            "Halted by compliance: on-violation block: [gdpr.data-minimisation, gdpr.pseudonymisation");
    assertThat(dir.resolve("out/customers")).doesNotExist();
    var pseudonymisation =
        hook.outcome().orElseThrow().assessment().checks().stream()
            .filter(c -> c.id().equals("gdpr.pseudonymisation"))
            .findFirst()
            .orElseThrow();
    assertThat(pseudonymisation.signal())
        .contains("out.ssn (us-ssn)", "out.card_number (payment-card)");
    assertThat(Files.readString(result.runDir().resolve("compliance.json")))
        .contains("\"blocked\" : true");
  }

  @Test
  void rejectsAPolicyWithWrongKeysNamingEachKey() throws Exception {
    PipelineSpec spec =
        spec(
            """
            compliance:
              on-violaton: block
              columns:
                email: {mask: hsh}
            """);
    assertThatThrownBy(() -> ComplianceHook.forPipeline(spec, Settings.empty()))
        .isInstanceOf(StrandsException.class)
        .hasMessageContaining("compliance.on-violaton: unknown key")
        .hasMessageContaining(
            "compliance.columns.email.mask: 'hsh' (known: hash, tokenise, redact, partial, generalise)");
  }
}
