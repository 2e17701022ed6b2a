package io.strandsetl.spark.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.engine.report.JsonReportRenderer;
import io.strandsetl.model.run.ExecutorSummary;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a pipeline on a real Spark standalone cluster: a Master and a Worker started from the Maven
 * jars in child JVMs on 127.0.0.1, with a temporary SPARK_HOME whose {@code jars/} links the test
 * class path (that is where the Worker finds the classpath of the executors it launches).
 */
class StandaloneClusterIT {
  @TempDir static Path dir;
  private static Process master;
  private static Process worker;
  private static int masterPort;
  private static final List<String> masterLog = new ArrayList<>();

  @BeforeAll
  static void startCluster() throws Exception {
    Path sparkHome = sparkHome();
    Path log4j = dir.resolve("log4j2-info.properties");
    Files.writeString(
        log4j,
        """
        rootLogger.level = info
        rootLogger.appenderRef.out.ref = out
        appender.console.type = Console
        appender.console.name = out
        appender.console.layout.type = PatternLayout
        appender.console.layout.pattern = %p %c{1}: %m%n
        """);
    masterPort = freePort();
    CompletableFuture<String> workerRegistered = new CompletableFuture<>();
    master =
        start(
            sparkHome,
            log4j,
            List.of(
                "org.apache.spark.deploy.master.Master",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(masterPort),
                "--webui-port",
                String.valueOf(freePort())));
    follow(master, "master", "Registering worker", workerRegistered);
    worker =
        start(
            sparkHome,
            log4j,
            List.of(
                "org.apache.spark.deploy.worker.Worker",
                "--host",
                "127.0.0.1",
                "--cores",
                "2",
                "--memory",
                "1g",
                "--webui-port",
                String.valueOf(freePort()),
                "--work-dir",
                Files.createDirectories(dir.resolve("work")).toString(),
                "spark://127.0.0.1:" + masterPort));
    follow(worker, "worker", null, null);
    // Blocks until the Master logs the Worker's registration: the cluster is then usable.
    workerRegistered.get(3, TimeUnit.MINUTES);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    // SIGTERM, not SIGKILL: the Worker's shutdown hook kills the executors it started.
    for (Process p : new Process[] {worker, master}) {
      if (p != null) {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
  }

  @Test
  void runsPipelineOnStandaloneClusterAndReportsItsExecutors() throws Exception {
    Files.writeString(dir.resolve("orders.csv"), "customer,amount\nana,10\nbo,20\nana,5\n");
    String yaml =
        """
        name: on-cluster
        sources:
          - {name: orders, format: csv, path: $DIR/orders.csv, options: {header: true, inferSchema: true}}
        transforms:
          - {name: totals, sql: "SELECT customer, sum(amount) AS total FROM orders GROUP BY customer"}
        sinks:
          - {from: totals, path: $DIR/out/totals, format: csv}
        """
            .replace("$DIR", dir.toString());
    RunOptions options =
        new RunOptions(
            "spark://127.0.0.1:" + masterPort,
            null,
            dir.resolve("strands-data"),
            Map.of(
                "spark.driver.host", "127.0.0.1",
                "spark.executor.memory", "512m",
                "spark.cores.max", "2",
                "spark.sql.shuffle.partitions", "2",
                "spark.ui.enabled", "false"),
            null,
            false,
            null);

    RunResult result =
        new PipelineRunner().run(PipelineParser.parse("cluster.yaml", yaml), options);

    assertThat(result.exitCode()).as(result.text()).isZero();
    List<String> rows;
    try (Stream<Path> files = Files.walk(dir.resolve("out/totals"))) {
      rows =
          files
              .filter(p -> p.getFileName().toString().startsWith("part-"))
              .flatMap(StandaloneClusterIT::lines)
              .toList();
    }
    assertThat(rows).containsExactlyInAnyOrder("ana,15", "bo,20");
    assertThat(result.report().run().application().platform()).isEqualTo("standalone");
    assertThat(result.report().run().executors())
        .extracting(ExecutorSummary::executorId)
        .anyMatch(id -> !id.equals("driver"));
    assertThat(result.report().run().executors())
        .filteredOn(e -> !e.executorId().equals("driver"))
        .allMatch(e -> e.host().equals("127.0.0.1") && e.tasks() > 0);
    JsonNode json =
        JsonReportRenderer.mapper().readTree(result.runDir().resolve("report.json").toFile());
    assertThat(json.at("/run/master").asText()).isEqualTo("spark://127.0.0.1:" + masterPort);
    System.out.println(
        "cluster run: "
            + result.text().lines().filter(l -> l.startsWith("Run ")).findFirst().orElse(""));
  }

  // ---- cluster plumbing -------------------------------------------------------------------

  private static Path sparkHome() throws IOException {
    Path home = Files.createDirectories(dir.resolve("spark-home"));
    Path jars = Files.createDirectories(home.resolve("jars"));
    // The launcher takes SPARK_HOME/jars as the jar directory only when a RELEASE file exists.
    Files.writeString(home.resolve("RELEASE"), "Spark from the Maven test class path\n");
    for (String entry : testClassPath()) {
      Path p = Path.of(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
        Path link = jars.resolve(p.getFileName());
        if (!Files.exists(link)) {
          Files.createSymbolicLink(link, p.toAbsolutePath());
        }
      }
    }
    return home;
  }

  private static List<String> testClassPath() {
    // Surefire/failsafe may run tests from a manifest-only jar; this property has the real path.
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return List.of(cp.split(File.pathSeparator));
  }

  private static Process start(Path sparkHome, Path log4j, List<String> mainAndArgs)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-")
          || arg.startsWith("-XX:+IgnoreUnrecognized")
          || arg.startsWith("-Dio.netty")
          || arg.startsWith("-Djdk.reflect")) {
        command.add(arg);
      }
    }
    command.add("-Xmx256m");
    command.add("-Dlog4j2.configurationFile=" + log4j.toUri());
    command.add("-cp");
    command.add(sparkHome.resolve("jars") + File.separator + "*");
    command.addAll(mainAndArgs);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }

  /** Copies a child's output to a file and completes {@code signal} on the first matching line. */
  private static void follow(
      Process p, String name, String pattern, CompletableFuture<String> signal) throws IOException {
    PrintWriter file =
        new PrintWriter(
            Files.newBufferedWriter(dir.resolve(name + ".log"), StandardCharsets.UTF_8), true);
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  file.println(line);
                  if (name.equals("master")) {
                    synchronized (masterLog) {
                      masterLog.add(line);
                    }
                  }
                  if (signal != null && line.contains(pattern)) {
                    signal.complete(line);
                  }
                }
              } catch (IOException e) {
                // the process ended
              } finally {
                file.close();
                if (signal != null) {
                  signal.completeExceptionally(
                      new AssertionError(
                          name + " ended before logging '" + pattern + "': " + masterLog));
                }
              }
            },
            name + "-log");
    t.setDaemon(true);
    t.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Stream<String> lines(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
