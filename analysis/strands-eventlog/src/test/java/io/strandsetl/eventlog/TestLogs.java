package io.strandsetl.eventlog;

import com.github.luben.zstd.ZstdInputStream;
import io.strandsetl.testkit.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Real and hand-written event logs for tests. */
final class TestLogs {
  private TestLogs() {}

  /**
   * A real Spark 4.1.3 log (a testkit fixture) as uncompressed JSON-lines bytes: its rolling zstd
   * parts decompressed and concatenated.
   */
  static byte[] realPlainLog() {
    Path dir = Fixtures.eventLog("data-skew-positive");
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> parts =
          files.filter(p -> p.getFileName().toString().startsWith("events_")).sorted().toList();
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      for (Path part : parts) {
        try (InputStream in = new ZstdInputStream(Files.newInputStream(part))) {
          in.transferTo(out);
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal complete application, one stage, tasks as given, as JSON lines. */
  static String smallApp(String... extraLines) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"Event\":\"SparkListenerLogStart\",\"Spark Version\":\"3.5.1\"}\n");
    sb.append(
        "{\"Event\":\"SparkListenerApplicationStart\",\"App Name\":\"t\",\"App ID\":\"local-1\","
            + "\"Timestamp\":1000,\"User\":\"u\"}\n");
    sb.append(
        "{\"Event\":\"SparkListenerEnvironmentUpdate\",\"Spark Properties\":{\"spark.master\":"
            + "\"local[4]\",\"spark.executor.memory\":\"2g\"}}\n");
    for (String line : extraLines) {
      sb.append(line).append('\n');
    }
    sb.append("{\"Event\":\"SparkListenerApplicationEnd\",\"Timestamp\":11000}\n");
    return sb.toString();
  }

  static String taskEnd(int stage, long taskId, long runMs, long cpuNs, String reason) {
    return "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":"
        + stage
        + ",\"Stage Attempt ID\":0,\"Task Type\":\"ResultTask\",\"Task End Reason\":{\"Reason\":\""
        + reason
        + "\"},\"Task Info\":{\"Task ID\":"
        + taskId
        + ",\"Attempt\":0,\"Launch Time\":2000,\"Executor ID\":\"driver\",\"Host\":\"h\","
        + "\"Speculative\":false,\"Finish Time\":"
        + (2000 + runMs + 5)
        + ",\"Failed\":"
        + !reason.equals("Success")
        + ",\"Killed\":false,\"Accumulables\":[]},\"Task Metrics\":{\"Executor Run Time\":"
        + runMs
        + ",\"Executor CPU Time\":"
        + cpuNs
        + ",\"JVM GC Time\":1,\"Input Metrics\":{\"Bytes Read\":100,\"Records Read\":10}}}";
  }

  static Path write(Path file, String content) {
    return write(file, content.getBytes(StandardCharsets.UTF_8));
  }

  static Path write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
