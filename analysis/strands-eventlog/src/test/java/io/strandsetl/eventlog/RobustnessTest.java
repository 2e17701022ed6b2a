package io.strandsetl.eventlog;

import static io.strandsetl.eventlog.TestLogs.smallApp;
import static io.strandsetl.eventlog.TestLogs.taskEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.run.RunAnalysis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RobustnessTest {
  @TempDir Path dir;
  private final EventLogReader reader = EventLogReader.withDefaults();

  private static StrandsException failure(Runnable r) {
    try {
      r.run();
    } catch (StrandsException e) {
      return e;
    }
    throw new AssertionError("expected a StrandsException");
  }

  @Test
  void emptyFileIsNotAnEventLog() {
    Path empty = TestLogs.write(dir.resolve("empty"), new byte[0]);
    StrandsException e = failure(() -> reader.read(empty));
    assertThat(e.code()).isEqualTo(ErrorCode.NOT_AN_EVENT_LOG);
    assertThat(e.getMessage()).contains(empty.toString()).contains("empty").doesNotContain("\n");
  }

  @Test
  void randomBytesAreNotAnEventLog() {
    byte[] noise = new byte[100_000];
    new Random(42).nextBytes(noise);
    noise[0] = 'x';
    Path file = TestLogs.write(dir.resolve("noise"), noise);
    StrandsException e = failure(() -> reader.read(file));
    assertThat(e.code()).isEqualTo(ErrorCode.NOT_AN_EVENT_LOG);
    assertThat(e.getMessage()).doesNotContain("\n");
  }

  @Test
  void jsonThatIsNotListenerEventsIsNotAnEventLog() {
    Path file = TestLogs.write(dir.resolve("report.json"), "{\"appInfo\":{}}\n{\"x\":1}\n");
    StrandsException e = failure(() -> reader.read(file));
    assertThat(e.code()).isEqualTo(ErrorCode.NOT_AN_EVENT_LOG);
    assertThat(e.getMessage()).contains("no Spark listener events in 2 lines");
  }

  @Test
  void garbageInsideZstdStopsEarlyInsteadOfReadingItAll() throws IOException {
    // 200 MB of text lines that are not JSON, compressed to a few hundred KB.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZstdOutputStream out = new ZstdOutputStream(bytes)) {
      byte[] line = "not json at all\n".getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 200_000; i++) {
        out.write(line);
      }
    }
    Path file = TestLogs.write(dir.resolve("junk.zstd"), bytes.toByteArray());
    StrandsException e = failure(() -> reader.read(file));
    assertThat(e.code()).isEqualTo(ErrorCode.NOT_AN_EVENT_LOG);
    assertThat(e.getMessage()).contains("no Spark listener event in the first 1000 lines");
  }

  @Test
  void decompressionBombFailsWithInputTooLarge() throws IOException {
    // A valid log followed by 64 MiB of blanks: compresses ~1000x, far above the ratio allowed.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZstdOutputStream out = new ZstdOutputStream(bytes)) {
      out.write(smallApp().getBytes(StandardCharsets.UTF_8));
      byte[] blanks = new byte[1 << 20];
      Arrays.fill(blanks, (byte) ' ');
      for (int i = 0; i < 64; i++) {
        out.write(blanks);
      }
    }
    Path bomb = TestLogs.write(dir.resolve("bomb.zstd"), bytes.toByteArray());
    EventLogReader strict =
        new EventLogReader(new EventLogReaderOptions(1 << 20, 100, 1 << 20, 1L << 40));
    StrandsException e = failure(() -> strict.read(bomb));
    assertThat(e.code()).isEqualTo(ErrorCode.INPUT_TOO_LARGE);
    assertThat(e.getMessage())
        .contains(bomb.toString())
        .contains("decompresses to more than")
        .doesNotContain("\n");
  }

  @Test
  void overlongLineIsSkippedAndCountedWithoutStoppingTheRead() {
    String huge = "{\"Event\":\"SparkListenerUnknownHuge\",\"x\":\"" + "a".repeat(5000) + "\"}";
    String log = smallApp(huge, taskEnd(0, 1, 100, 1_000_000, "Success"));
    EventLogReader tight =
        new EventLogReader(new EventLogReaderOptions(1024, 400, 1 << 30, 1L << 36));
    RunAnalysis run = tight.read(TestLogs.write(dir.resolve("long"), log));
    assertThat(run.diagnostics().malformedLines()).isEqualTo(1);
    assertThat(run.diagnostics().firstMalformedLine()).isEqualTo(4);
    assertThat(run.diagnostics().warnings()).anyMatch(w -> w.contains("longer than 1024 bytes"));
    assertThat(run.metrics().tasks()).isEqualTo(1);
    assertThat(run.application().complete()).isTrue();
  }

  @Test
  void malformedLinesAreSkippedCountedAndLocated() {
    String log =
        smallApp(
            taskEnd(0, 1, 100, 1_000_000, "Success"),
            "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":0,,,}",
            "[1,2,3]",
            taskEnd(0, 2, 200, 1_000_000, "Success"));
    RunAnalysis run = reader.read(TestLogs.write(dir.resolve("bad"), log));
    assertThat(run.diagnostics().malformedLines()).isEqualTo(2);
    assertThat(run.diagnostics().firstMalformedLine()).isEqualTo(5);
    assertThat(run.diagnostics().truncatedLastLine()).isFalse();
    assertThat(run.metrics().tasks()).isEqualTo(2);
  }

  @Test
  void truncatedLastLineIsFlaggedAndTheLogIsIncomplete() {
    String full = smallApp(taskEnd(0, 1, 100, 1_000_000, "Success"));
    String withoutEnd = full.substring(0, full.indexOf("{\"Event\":\"SparkListenerApplicationEnd"));
    String cut = withoutEnd + taskEnd(0, 2, 100, 1, "Success").substring(0, 60);
    RunAnalysis run = reader.read(TestLogs.write(dir.resolve("cut"), cut));
    assertThat(run.diagnostics().truncatedLastLine()).isTrue();
    assertThat(run.diagnostics().malformedLines()).isZero();
    assertThat(run.application().complete()).isFalse();
    assertThat(run.application().endTime()).isNull();
    assertThat(run.application().durationMs()).isNull();
    assertThat(run.metrics().tasks()).isEqualTo(1);
  }

  @Test
  void truncatedZstdStreamKeepsWhatWasReadAndFlagsIt() throws IOException {
    String[] lines = new String[3000];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = taskEnd(0, i, 10 + i % 7, 1000, "Success");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZstdOutputStream out = new ZstdOutputStream(bytes)) {
      out.write(smallApp(lines).getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = bytes.toByteArray();
    Path cut = TestLogs.write(dir.resolve("cut.zstd"), Arrays.copyOf(whole, whole.length / 2));
    RunAnalysis run = reader.read(cut);
    assertThat(run.diagnostics().truncatedLastLine()).isTrue();
    assertThat(run.metrics().tasks()).isBetween(1L, 2999L);
    assertThat(run.application().complete()).isFalse();
  }

  @Test
  void unknownEventsAreIgnoredAndCountedByName() {
    String log =
        smallApp(
            "{\"Event\":\"com.example.MyListenerEvent\",\"a\":1}",
            "{\"Event\":\"com.example.MyListenerEvent\",\"a\":2}",
            "{\"Event\":\"SparkListenerTaskStart\",\"Stage ID\":0}");
    RunAnalysis run = reader.read(TestLogs.write(dir.resolve("unknown"), log));
    assertThat(run.diagnostics().unknownEvents())
        .containsExactly(java.util.Map.entry("com.example.MyListenerEvent", 2L));
    assertThat(run.diagnostics().malformedLines()).isZero();
  }

  @Test
  void missingPathIsPathNotFound() {
    Path missing = dir.resolve("nope");
    StrandsException e = failure(() -> reader.read(missing));
    assertThat(e.code()).isEqualTo(ErrorCode.PATH_NOT_FOUND);
    assertThat(e.getMessage())
        .isEqualTo("Cannot read event log: " + missing + " does not exist (check the path)");
  }

  @Test
  void invalidOptionsAreRejectedWithTheirName() {
    assertThatThrownBy(() -> new EventLogReaderOptions(10, 400, 0, 1))
        .isInstanceOf(StrandsException.class)
        .hasMessage("Invalid EventLogReaderOptions.maxLineBytes: 10 (must be at least 1024)");
  }
}
