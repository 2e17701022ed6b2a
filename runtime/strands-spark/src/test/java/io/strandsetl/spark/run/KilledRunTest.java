package io.strandsetl.spark.run;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.engine.pipeline.PipelineParser;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a run in the middle of writing (in a child JVM, destroyForcibly = SIGKILL) and checks the
 * previous output is byte-identical; then a normal run cleans up and publishes.
 */
class KilledRunTest {
  @TempDir Path dir;

  @Test
  void runKilledWhileWritingLeavesPreviousOutputByteIdentical() throws Exception {
    Path out = dir.resolve("out/numbers");
    Files.createDirectories(out);
    Files.writeString(out.resolve("part-00000.csv"), "id\n1\n2\n");
    Files.writeString(out.resolve("_SUCCESS"), "");
    Map<String, String> before = PipelineRunnerTest.hashes(out);
    Path input = Files.writeString(dir.resolve("seed.csv"), "x\n1\n");
    // Two billion SHA-512 rows: minutes of work on two cores, so the kill lands mid-write.
    Path pipeline =
        Files.writeString(
            dir.resolve("slow.yaml"),
            """
            name: slow
            sources:
              - {name: seed, format: csv, path: %s}
            transforms:
              - name: numbers
                sql: SELECT id, sha2(cast(id AS string), 512) AS h FROM range(0, 2000000000, 1, 4)
            sinks:
              - {from: numbers, path: %s}
            """
                .formatted(input, out));
    Path log = dir.resolve("child.log");

    Process child;
    Path staging;
    try (WatchService watcher = dir.getFileSystem().newWatchService()) {
      out.getParent().register(watcher, ENTRY_CREATE);
      child = startChild(pipeline, dir.resolve("strands-data"), log);
      staging = awaitStagingDirectory(watcher, child, log);
    }
    child.destroyForcibly();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(staging).exists(); // the kill came while the run was writing
    assertThat(Files.readString(log)).contains("writing sink 'numbers'");
    assertThat(PipelineRunnerTest.hashes(out)).isEqualTo(before);

    // The next run removes the killed run's staging directory and publishes normally.
    String quick =
        Files.readString(pipeline).replace("range(0, 2000000000, 1, 4)", "range(0, 10, 1, 1)");
    RunResult next =
        new PipelineRunner()
            .run(
                PipelineParser.parse("quick.yaml", quick),
                new RunOptions(
                    "local[2]",
                    null,
                    dir.resolve("strands-data"),
                    Map.of("spark.ui.enabled", "false"),
                    null,
                    false,
                    null));
    assertThat(next.exitCode()).isZero();
    assertThat(staging).doesNotExist();
    assertThat(PipelineRunnerTest.leftovers(out.getParent())).isEmpty();
    assertThat(PipelineRunnerTest.hashes(out)).isNotEqualTo(before);
  }

  private static Process startChild(Path pipeline, Path dataDir, Path log) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The same module flags Spark needs, without this JVM's debugger or agent settings.
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-")
          || arg.startsWith("-XX:+IgnoreUnrecognized")
          || arg.startsWith("-Dio.netty")
          || arg.startsWith("-Djdk.reflect")) {
        command.add(arg);
      }
    }
    command.add("-Xmx768m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ChildRunMain.class.getName());
    command.add(pipeline.toString());
    command.add(dataDir.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    return builder.start();
  }

  /** Blocks on file-system events until the run's staging directory appears beside the target. */
  private static Path awaitStagingDirectory(WatchService watcher, Process child, Path log)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      WatchKey key = watcher.poll(1, TimeUnit.SECONDS);
      if (key != null) {
        Path parent = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
          Path name = (Path) event.context();
          if (name != null && name.toString().contains(StagedOutput.STAGING)) {
            return parent.resolve(name);
          }
        }
        key.reset();
      }
      if (!child.isAlive()) {
        throw new AssertionError(
            "child run ended (exit "
                + child.exitValue()
                + ") before writing: "
                + Files.readString(log));
      }
    }
    child.destroyForcibly();
    throw new AssertionError("no staging directory within 3 minutes: " + Files.readString(log));
  }
}
