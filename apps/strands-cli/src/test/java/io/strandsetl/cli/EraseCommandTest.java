package io.strandsetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strands erase} and {@code strands audit report} on real files and a real SQLite store: the
 * subject's rows leave the output, the export holds them, the audit trail holds a digest only.
 */
class EraseCommandTest {
  @TempDir Path dir;

  private AnalyzeCommandTest.Result strands(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--set",
            "store.sqlite.path=" + dir.resolve("tracking.db"),
            "--set",
            "compliance.salt=test-salt"));
    return AnalyzeCommandTest.run(all.toArray(String[]::new));
  }

  private Path pipeline() throws Exception {
    Path in = dir.resolve("in/customers.csv");
    Files.createDirectories(in.getParent());
    Files.writeString(in, "customer_id,email\n1,ana@example.com\n");
    Path out = dir.resolve("out/customers");
    Files.createDirectories(out);
    Files.writeString(
        out.resolve("part-00000.csv"),
        "customer_id,email,spend\n1,ana@example.com,10\n2,bo@example.org,20\n3,cy@example.net,30\n");
    Files.writeString(
        out.resolve("part-00001.csv"),
        "customer_id,email,spend\n4,bo@example.org,5\n5,di@example.com,7\n");
    Path yaml = dir.resolve("p.yaml");
    Files.writeString(
        yaml,
        """
        name: erasable
        sources:
          - {name: customers, format: csv, path: $DIR/in/customers.csv, options: {header: true}}
        sinks:
          - {name: customers_out, from: customers, path: $DIR/out/customers, format: csv, options: {header: true}}
        compliance:
          erasure-key: customer_id
        """
            .replace("$DIR", dir.toString()));
    return yaml;
  }

  private String outputText() throws Exception {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir.resolve("out/customers"))) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
        b.append(Files.readString(p));
      }
    }
    return b.toString();
  }

  @Test
  void erasesASubjectVerifiesItAndAuditsOnlyADigest() throws Exception {
    Path yaml = pipeline();

    var exported =
        strands(
            "erase",
            "--subject",
            "email=bo@example.org",
            "--pipeline",
            yaml.toString(),
            "--export",
            dir.resolve("bo.jsonl").toString(),
            "--master",
            "local[2]");
    assertThat(exported.exitCode()).as(exported.err()).isZero();
    assertThat(Files.readAllLines(dir.resolve("bo.jsonl")))
        .hasSize(2)
        .allMatch(
            l ->
                l.startsWith("{\"sink\":\"customers_out\",\"row\":")
                    && l.contains("bo@example.org"));
    assertThat(outputText()).contains("bo@example.org");

    var erased =
        strands(
            "erase",
            "--subject",
            "email=bo@example.org",
            "--pipeline",
            yaml.toString(),
            "--master",
            "local[2]");
    assertThat(erased.exitCode()).as(erased.err()).isZero();
    assertThat(erased.out())
        .contains("customers_out: erased, 2 row(s), 0 remaining")
        .contains("Verified: no row of the subject remains.")
        .doesNotContain("bo@example.org");
    assertThat(outputText())
        .doesNotContain("bo@example.org")
        .contains("ana@example.com")
        .contains("cy@example.net")
        .contains("di@example.com");
    try (Stream<Path> siblings = Files.list(dir.resolve("out"))) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("customers");
    }

    var again =
        strands(
            "erase",
            "--subject",
            "email=bo@example.org",
            "--pipeline",
            yaml.toString(),
            "--master",
            "local[2]");
    assertThat(again.out()).contains("customers_out: no-rows, 0 row(s)");

    var report = strands("audit", "report", "--format", "json");
    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(report.out())
        .contains("\"subject-exported\"")
        .contains("\"subject-erased\"")
        .contains("key=email value=hmac-sha256:")
        .contains("status=erased rows=2 remaining=0")
        .doesNotContain("bo@example.org");

    Path html = dir.resolve("audit.html");
    var htmlReport = strands("audit", "report", "--from", "2000-01-01", "--out", html.toString());
    assertThat(htmlReport.exitCode()).as(htmlReport.err()).isZero();
    assertThat(Files.readString(html))
        .contains("<h1>Audit report</h1>")
        .contains("Intact")
        .contains("subject-erased");
  }

  @Test
  void eraseWithoutPipelineUsesTheOutputsARunRegisteredAndNotFoundIsExitFour() throws Exception {
    Path in = dir.resolve("in/people.csv");
    Files.createDirectories(in.getParent());
    Files.writeString(
        in,
        "customer_id,email,signup_date\n"
            + "1,ana@example.com,2026-10-01\n"
            + "2,bo@example.org,2026-06-01\n"
            + "3,cy@example.net,2010-01-01\n"
            + "4,di@example.com,2026-11-01\n");
    Path yaml = dir.resolve("registered.yaml");
    Files.writeString(
        yaml,
        """
        name: registering
        sources:
          - {name: people, format: csv, path: $DIR/in/people.csv, options: {header: true}}
        sinks:
          - {name: people_csv, from: people, path: $DIR/out/people_csv, format: csv, options: {header: true}}
          - {name: people_parquet, from: people, path: $DIR/out/people_parquet, format: parquet}
        compliance:
          erasure-key: customer_id
          retention: 3650d
          retention-column: signup_date
          columns:
            email: {purpose: receipts, mask: hash}
        """
            .replace("$DIR", dir.toString()));
    var run =
        strands(
            "run",
            yaml.toString(),
            "--master",
            "local[2]",
            "--data-dir",
            dir.resolve("data").toString(),
            "--conf",
            "spark.ui.enabled=false");
    assertThat(run.exitCode()).as(run.err()).isZero();

    var listed = strands("erase", "--list");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    assertThat(listed.out())
        .contains("registering")
        .contains("people_csv")
        .contains("people_parquet")
        .contains("3650d by signup_date")
        .contains("parquet-footer: 0/")
        .contains("not inspectable")
        .contains("customer_id");
    var listedJson = strands("erase", "--list", "--job", "registering", "--format", "json");
    assertThat(listedJson.out())
        .contains("\"retention\" : \"PT87600H\"")
        .contains("\"retentionColumn\" : \"signup_date\"")
        .contains("\"email\" : \"hash\"")
        .contains("\"encrypted\" : false")
        .contains("\"encrypted\" : null");

    var erased = strands("erase", "--subject", "customer_id=2", "--master", "local[2]");
    assertThat(erased.exitCode()).as(erased.err()).isZero();
    assertThat(erased.out())
        .contains("in registered outputs:")
        .contains("registering/people_csv: erased, 1 row(s), 0 remaining")
        .contains("registering/people_parquet: erased, 1 row(s), 0 remaining")
        .contains("Verified: no row of the subject remains.");
    String csv = textOf(dir.resolve("out/people_csv"));
    assertThat(csv).contains("\n1,").doesNotContain("\n2,").doesNotContain("\n3,");

    var again =
        strands(
            "erase", "--subject", "customer_id=2", "--job", "registering", "--master", "local[2]");
    assertThat(again.exitCode()).isEqualTo(4);
    assertThat(again.err().strip())
        .isEqualTo(
            "strands: Cannot erase: no row with that customer_id in the 2 registered output(s)"
                + " having the column (the value is not echoed)");
    var noColumn = strands("erase", "--subject", "passport=P123", "--master", "local[2]");
    assertThat(noColumn.exitCode()).isEqualTo(4);
    assertThat(noColumn.err().lines()).hasSize(1);
    assertThat(noColumn.err()).contains("no registered output has a column 'passport'");
    assertThat(noColumn.err()).doesNotContain("P123");

    var expired = strands("erase", "--expired", "--master", "local[2]", "--format", "json");
    assertThat(expired.exitCode()).as(expired.err()).isZero();
    assertThat(expired.out()).contains("erase-expired").contains("people_csv");

    // The Compliance agent's erase_subject tool without a pipeline: the registered outputs.
    var agent =
        strands(
            "agents",
            "call",
            "compliance",
            "erase_subject",
            "--json",
            "{\"subjectColumn\": \"customer_id\", \"subjectValue\": \"4\", \"job\":"
                + " \"registering\"}");
    assertThat(agent.exitCode()).as(agent.err()).isZero();
    assertThat(agent.out()).contains("\"verified\"").doesNotContain("di@example.com");
    assertThat(textOf(dir.resolve("out/people_csv"))).doesNotContain("\n4,").contains("\n1,");

    // A damaged output: the erase fails before any swap and the other output is left as it was.
    String before = textOf(dir.resolve("out/people_csv"));
    try (Stream<Path> parts = Files.list(dir.resolve("out/people_parquet"))) {
      for (Path p : parts.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
        Files.writeString(p, "damaged");
      }
    }
    var failed = strands("erase", "--subject", "customer_id=1", "--master", "local[2]");
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err().lines().filter(l -> l.startsWith("strands: ")))
        .singleElement()
        .asString()
        .contains("(no output was changed; staging copies removed)");
    assertThat(textOf(dir.resolve("out/people_csv"))).isEqualTo(before).contains("\n1,");

    var report = strands("audit", "report", "--format", "json");
    assertThat(report.out())
        .contains("\"output-registered\"")
        .contains("\"expired-dropped\"")
        .contains("\"subject-erased\"")
        .contains("\"subject-not-found\"")
        .contains("\"subject-erase-failed\"")
        .contains("\"expired-erased\"")
        .doesNotContain("bo@example.org")
        .doesNotContain("P123");
  }

  private static String textOf(Path out) throws Exception {
    StringBuilder b = new StringBuilder();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
        b.append(Files.readString(p));
      }
    }
    return b.toString();
  }

  @Test
  void rejectsASubjectWithoutAColumnAndAnEmptyPeriod() throws Exception {
    Path yaml = pipeline();
    var bad = strands("erase", "--subject", "bo@example.org", "--pipeline", yaml.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("Invalid --subject").doesNotContain("bo@example.org");

    var period = strands("audit", "report", "--from", "2026-11-02", "--to", "2026-11-01");
    assertThat(period.exitCode()).isEqualTo(2);
    assertThat(period.err())
        .contains("Invalid period: --from 2026-11-02 is not before --to 2026-11-01");
  }
}
