package io.strandsetl.spark.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.compliance.CheckResult;
import io.strandsetl.compliance.CheckStatus;
import io.strandsetl.compliance.EncryptionEvidence;
import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.spark.run.PipelineRunner;
import io.strandsetl.spark.run.RunOptions;
import io.strandsetl.spark.run.RunResult;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encryption at rest read from the files, with Spark's Parquet modular encryption
 * (PropertiesDrivenCryptoFactory and a test KMS): encrypted-footer files end with PARE, plaintext
 * footer files declare their algorithm, plain files neither; the HIPAA check uses what was found.
 */
class EncryptionInspectionTest {
  static final Map<String, String> CRYPTO =
      Map.of(
          "spark.hadoop.parquet.crypto.factory.class",
          "org.apache.parquet.crypto.keytools.PropertiesDrivenCryptoFactory",
          "spark.hadoop.parquet.encryption.kms.client.class",
          TestKms.class.getName(),
          "spark.sql.shuffle.partitions",
          "2",
          "spark.ui.enabled",
          "false");

  @TempDir Path dir;

  private PipelineSpec spec(String sinkOptions) throws Exception {
    Path csv = dir.resolve("in/patients.csv");
    Files.createDirectories(csv.getParent());
    Files.writeString(
        csv,
        """
        patient_id,email,diagnosis
        1,ana.lima@example.com,flu
        2,bo.berg@example.org,cold
        3,cy.chu@example.net,flu
        """);
    String yaml =
        """
        name: encrypted
        sources:
          - {name: patients, format: csv, path: $DIR/in/patients.csv, options: {header: true}}
        sinks:
          - {name: clear, from: patients, path: $DIR/out/clear, format: parquet}
          - {name: sealed, from: patients, path: $DIR/out/sealed, format: parquet, options: {$OPTS}}
        compliance:
          regulations: [hipaa]
          encryption-at-rest: true
          access-control: [clinicians]
          audit-logging: true
          columns:
            email: {mask: hash}
        """
            .replace("$DIR", dir.toString())
            .replace("$OPTS", sinkOptions);
    return PipelineParser.parse("encrypted.yaml", yaml);
  }

  private RunResult run(PipelineSpec spec, ComplianceHook hook) {
    return new PipelineRunner()
        .run(
            spec,
            new RunOptions("local[2]", null, dir.resolve("strands-data"), CRYPTO, null, false, null)
                .withHooks(List.of(hook)));
  }

  private static String magic(Path output) throws Exception {
    try (Stream<Path> files = Files.list(output)) {
      Path part =
          files.filter(f -> f.getFileName().toString().startsWith("part-")).findFirst().get();
      try (RandomAccessFile f = new RandomAccessFile(part.toFile(), "r")) {
        byte[] tail = new byte[4];
        f.seek(f.length() - 4);
        f.readFully(tail);
        return new String(tail, StandardCharsets.US_ASCII);
      }
    }
  }

  @Test
  void findsEncryptedFootersAndTheHipaaCheckFailsOnTheOutputThatIsNot() throws Exception {
    PipelineSpec spec =
        spec(
            "parquet.encryption.footer.key: kf, parquet.encryption.column.keys: 'kc:email,diagnosis'");
    ComplianceHook hook =
        ComplianceHook.forPipeline(spec, Settings.of(Map.of("compliance.salt", "s")));
    RunResult result = run(spec, hook);
    assertThat(result.exitCode()).as(result.text()).isZero();

    assertThat(magic(dir.resolve("out/sealed"))).isEqualTo("PARE");
    assertThat(magic(dir.resolve("out/clear"))).isEqualTo("PAR1");
    var outputs = hook.outcome().orElseThrow().assessment().input().outputs();
    EncryptionEvidence clear = outputs.get(0).encryption();
    EncryptionEvidence sealed = outputs.get(1).encryption();
    assertThat(clear.encrypted()).isFalse();
    assertThat(clear.files()).isPositive();
    assertThat(sealed.encrypted()).isTrue();
    assertThat(sealed.encryptedFooter()).isEqualTo(sealed.files());

    CheckResult check =
        hook.outcome().orElseThrow().assessment().checks().stream()
            .filter(c -> c.id().equals("hipaa.encryption-at-rest"))
            .findFirst()
            .orElseThrow();
    assertThat(check.status()).isEqualTo(CheckStatus.FAIL); // declared, but "clear" is not
    assertThat(check.signal())
        .contains("inspected encrypted: sealed (parquet-footer: ")
        .contains("inspected NOT encrypted: clear (parquet-footer: 0/");
    assertThat(hook.outcome().orElseThrow().summary().encryptedAtRest()).isFalse();
    assertThat(hook.outcome().orElseThrow().text())
        .contains("  encryption at rest found: clear: parquet-footer: 0/")
        .contains("sealed: parquet-footer: ");
    assertThat(Files.readString(result.runDir().resolve(ComplianceHook.REPORT_FILE)))
        .contains("\"encryptedFooter\"");
  }

  @Test
  void plaintextFooterModeIsRecognisedFromTheFooterMetadata() throws Exception {
    PipelineSpec spec =
        spec(
            "parquet.encryption.footer.key: kf, parquet.encryption.column.keys: 'kc:email',"
                + " parquet.encryption.plaintext.footer: 'true'");
    ComplianceHook hook =
        ComplianceHook.forPipeline(spec, Settings.of(Map.of("compliance.salt", "s")));
    RunResult result = run(spec, hook);
    assertThat(result.exitCode()).as(result.text()).isZero();

    assertThat(magic(dir.resolve("out/sealed"))).isEqualTo("PAR1");
    SparkSession.Builder builder = SparkSession.builder().master("local[1]");
    CRYPTO.forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    try {
      EncryptionEvidence sealed =
          EncryptionInspection.ofPath(spark, dir.resolve("out/sealed").toString(), "parquet");
      assertThat(sealed.plaintextFooter()).isEqualTo(sealed.files()).isPositive();
      assertThat(sealed.encrypted()).isTrue();
      EncryptionEvidence clear =
          EncryptionInspection.ofPath(spark, dir.resolve("out/clear").toString(), "parquet");
      assertThat(clear.encryptedFiles()).isZero();
      assertThat(
              EncryptionInspection.ofPath(spark, dir.resolve("in").toString(), "csv").inspected())
          .isFalse();
    } finally {
      spark.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
  }
}
