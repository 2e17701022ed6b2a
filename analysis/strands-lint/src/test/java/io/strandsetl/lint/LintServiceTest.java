package io.strandsetl.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.ErrorKind;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.finding.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintServiceTest {
  private final LintService service = new LintService(LintOptions.defaults());

  @Test
  void missingFileIsAUserErrorNamingTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.py");
    assertThatThrownBy(() -> service.lint(List.of(missing)))
        .isInstanceOfSatisfying(
            StrandsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.USER))
        .hasMessage("Cannot lint " + missing + ": no such file");
  }

  @Test
  void unsupportedExtensionIsAUserErrorNamingTheFile(@TempDir Path dir) throws IOException {
    Path txt = Files.writeString(dir.resolve("notes.txt"), "SELECT * FROM t");
    assertThatThrownBy(() -> service.lint(List.of(txt)))
        .isInstanceOfSatisfying(
            StrandsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessage(
            "Invalid file to lint: " + txt + " (unsupported extension; known: .sql, .py, .scala)");
  }

  @Test
  void checksEveryPathBeforeReadingAny(@TempDir Path dir) throws IOException {
    Path good = Files.writeString(dir.resolve("a.sql"), "SELECT * FROM t");
    assertThatThrownBy(() -> service.lint(List.of(good, dir.resolve("b.sql"))))
        .hasMessageContaining("b.sql");
  }

  @Test
  void nonUtf8FileIsAUserError(@TempDir Path dir) throws IOException {
    Path bad = Files.write(dir.resolve("x.sql"), new byte[] {(byte) 0xC3, (byte) 0x28});
    assertThatThrownBy(() -> service.lint(List.of(bad)))
        .hasMessage("Cannot lint " + bad + ": it is not UTF-8 text");
  }

  @Test
  void directoriesAreWalkedForLintableFilesInNameOrder(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b.sql"), "SELECT * FROM t");
    Files.writeString(dir.resolve("a.py"), "x = df.crossJoin(y)\n");
    Files.writeString(dir.resolve("readme.md"), "SELECT * FROM t");
    LintReport report = service.lint(List.of(dir));
    assertThat(report.files())
        .containsExactly(dir.resolve("a.py").toString(), dir.resolve("b.sql").toString());
    assertThat(report.findings())
        .extracting(Finding::type)
        .containsExactly("cartesian-join", "select-star");
  }

  @Test
  void findingsAreSortedByFileLineThenType(@TempDir Path dir) throws IOException {
    Path z = Files.writeString(dir.resolve("z.sql"), "SELECT *\nFROM a, b");
    Path a = Files.writeString(dir.resolve("a.sql"), "SELECT * FROM a CROSS JOIN b");
    LintReport report = service.lint(List.of(z, a));
    assertThat(report.files()).containsExactly(z.toString(), a.toString());
    assertThat(report.findings())
        .extracting(
            f ->
                Path.of(f.location().file()).getFileName()
                    + ":"
                    + f.location().line()
                    + ":"
                    + f.type())
        .containsExactly(
            "a.sql:1:cartesian-join",
            "a.sql:1:select-star",
            "z.sql:1:select-star",
            "z.sql:2:cartesian-join");
  }

  @Test
  void findingsCarryFileLineFixSnippetsAndTheCodeLine() {
    Finding f =
        service.lintText("job.py", "\nrows = spark.table('sales').collect()\n").findings().get(0);
    assertThat(f.id()).isEqualTo("collect-to-driver@job.py:2");
    assertThat(f.location().file()).isEqualTo("job.py");
    assertThat(f.location().line()).isEqualTo(2);
    assertThat(f.recommendation().pyspark()).contains("limit(");
    assertThat(f.recommendation().sql()).contains("LIMIT");
    assertThat(f.recommendation().scala()).contains("limit(");
    assertThat(f.evidence().get(0).value()).isEqualTo("rows = spark.table('sales').collect()");
  }

  @Test
  void emptyFilesHaveNoFindings(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("e.scala"), "");
    assertThat(service.lint(List.of(empty)).findings()).isEmpty();
  }

  @Test
  void smallTableNamesAreValidated() {
    assertThatThrownBy(() -> new LintOptions(java.util.Set.of(" ")))
        .hasMessage("Invalid small table name: ' ' (empty)");
  }
}
