package io.strandsetl.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.StrandsException;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading with a second (decompress + split) thread gives exactly what one thread gives. */
class ReadingModesTest {
  private static final EventLogReaderOptions DEFAULTS = EventLogReaderOptions.defaults();

  @ParameterizedTest
  @MethodSource("io.strandsetl.eventlog.SharedLogsTest#sharedLogs")
  void pipelinedReadEqualsSingleThreadedRead(String log) {
    Path path = SharedData.eventLog(log);
    RunAnalysis pipelined = new EventLogReader(DEFAULTS, true).read(path);
    RunAnalysis single = new EventLogReader(DEFAULTS, false).read(path);
    assertThat(pipelined).isEqualTo(single);
  }

  @Test
  void pipelinedReadKeepsLinesLongerThanABatchInOrder(@TempDir Path dir) throws IOException {
    // A property value of 3 MiB makes the environment line longer than a pipeline batch (1 MiB).
    char[] big = new char[3 << 20];
    Arrays.fill(big, 'x');
    String log =
        TestLogs.smallApp(
            "{\"Event\":\"SparkListenerEnvironmentUpdate\",\"Spark Properties\":{\"spark.app.x\":\""
                + new String(big)
                + "\",\"spark.master\":\"local[2]\"}}",
            TestLogs.taskEnd(0, 1, 100, 1000, "Success"));
    Path file = dir.resolve("app-big");
    Files.write(file, log.getBytes(StandardCharsets.UTF_8));
    RunAnalysis pipelined = new EventLogReader(DEFAULTS, true).read(file);
    assertThat(pipelined).isEqualTo(new EventLogReader(DEFAULTS, false).read(file));
    assertThat(pipelined.application().config().master()).isEqualTo("local[2]");
  }

  @Test
  void pipelinedReadStopsTheReadingThreadWhenTheLogIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("not-a-log");
    Files.write(file, "{\"a\":1}\n".repeat(5000).getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> new EventLogReader(DEFAULTS, true).read(file))
        .isInstanceOf(StrandsException.class)
        .hasMessageContaining("no Spark listener event in the first 1000 lines");
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("strands-eventlog-read"));
  }
}
