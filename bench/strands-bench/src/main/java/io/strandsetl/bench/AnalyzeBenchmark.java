package io.strandsetl.bench;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Compares Spark's History-Server replay with our reader on the same event logs, then checks that
 * our reader completes every shared log under a small heap.
 *
 * <p>Every measured side runs in its own child JVM with the same {@code -Xmx}, class path and
 * flags, so peak-heap figures are not polluted by the other side. In the child: one warm-up run,
 * then N timed runs; before each, a full GC and a reset of the heap pools' peak usage. Reported per
 * side: median wall time (ms), throughput (MB of decompressed JSON per second, MB = 10^6 bytes),
 * peak heap (MiB, sum of the heap pools' peaks during the run: an upper bound, as pools peak at
 * different moments) and retained heap (MiB held by the result after a full GC).
 *
 * <p>Arguments: {@code [--reps N] [--warmup N] [--heap 2g] [--check-heap 256m] [--no-check]
 * [--no-compare] [log ...]}; logs default to the two big spark-rapids-tools logs in {@code
 * <strands.shared.dir>/data/eventlogs}. Child JVM flags come from {@code -Dstrands.bench.jvmFlags}.
 */
public final class AnalyzeBenchmark {
  private static final List<String> DEFAULT_LOGS =
      List.of(
          "spark-rapids-tools/nds_q88_photon_db_13_3.zstd",
          "spark-rapids-tools/tasks_executors_fail_compressed_eventlog.zstd");
  private static final List<String> SIDES = List.of("spark-core", "spark-history-server", "ours");
  private static final long CHILD_TIMEOUT_MIN = 15;

  private AnalyzeBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
      return;
    }
    if (args.length > 0 && args[0].equals("--check-child")) {
      checkChild(Path.of(args[1]));
      return;
    }
    int reps = 5;
    // Same number of untimed runs for every side, so each is measured with its hot paths compiled.
    int warmup = 3;
    String heap = "2g";
    String checkHeap = "256m";
    boolean check = true;
    boolean compare = true;
    List<Path> logs = new ArrayList<>();
    Path eventlogs = sharedEventLogs();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--heap" -> heap = args[++i];
        case "--check-heap" -> checkHeap = args[++i];
        case "--no-check" -> check = false;
        case "--no-compare" -> compare = false;
        default -> logs.add(Path.of(args[i]));
      }
    }
    if (logs.isEmpty()) {
      DEFAULT_LOGS.forEach(l -> logs.add(eventlogs.resolve(l)));
    }
    printMachine();
    if (compare) {
      compare(logs, reps, warmup, heap);
    }
    if (check) {
      checkAll(eventlogs, checkHeap);
    }
  }

  private static Path sharedEventLogs() {
    String shared = System.getProperty("strands.shared.dir", "../shared");
    return Path.of(shared).resolve("data").resolve("eventlogs").toAbsolutePath().normalize();
  }

  private static void printMachine() {
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "machine: %d cpus, java %s (%s), child flags: %s%n",
        rt.availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("strands.bench.jvmFlags", ""));
  }

  // ---- comparison --------------------------------------------------------------------------

  private static void compare(List<Path> logs, int reps, int warmup, String heap) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "%nreplay comparison: -Xmx%s per child JVM, %d warm-up + %d timed runs, median%n",
        heap,
        warmup,
        reps);
    System.out.printf(
        Locale.ROOT,
        "%-48s %8s %-21s %9s %8s %9s %9s %s%n",
        "log",
        "raw MB",
        "side",
        "median ms",
        "MB/s",
        "peak MiB",
        "kept MiB",
        "detail");
    for (Path log : logs) {
      double rawMb = rawBytes(log) / 1e6;
      Map<String, Map<String, String>> results = new LinkedHashMap<>();
      for (String side : SIDES) {
        Map<String, String> r = runChild(side, reps, warmup, log, heap);
        results.put(side, r);
        String name = log.getFileName().toString();
        if (r.containsKey("medianMs")) {
          double ms = Double.parseDouble(r.get("medianMs"));
          System.out.printf(
              Locale.ROOT,
              "%-48s %8.1f %-21s %9.0f %8.1f %9s %9s %s%n",
              name,
              rawMb,
              side,
              ms,
              rawMb / (ms / 1000.0),
              r.get("peakMiB"),
              r.get("retainedMiB"),
              r.getOrDefault("detail", ""));
        } else {
          System.out.printf(
              Locale.ROOT,
              "%-48s %8.1f %-21s not measured: %s%n",
              name,
              rawMb,
              side,
              r.getOrDefault("error", "?"));
        }
      }
      ratio(log, results, "spark-core");
      ratio(log, results, "spark-history-server");
    }
  }

  private static void ratio(Path log, Map<String, Map<String, String>> results, String baseline) {
    Map<String, String> ours = results.get("ours");
    Map<String, String> spark = results.get(baseline);
    if (ours.containsKey("medianMs") && spark.containsKey("medianMs")) {
      System.out.printf(
          Locale.ROOT,
          "%-48s ratio %s/ours: time %.2fx, peak heap %.2fx%n",
          log.getFileName(),
          baseline,
          Double.parseDouble(spark.get("medianMs")) / Double.parseDouble(ours.get("medianMs")),
          Double.parseDouble(spark.get("peakMiB")) / Double.parseDouble(ours.get("peakMiB")));
    } else {
      System.out.printf(
          Locale.ROOT, "%-48s ratio %s/ours: not measured%n", log.getFileName(), baseline);
    }
  }

  /** Decompressed size in bytes (zstd-jni for {@code .zstd}, else the file size). */
  private static long rawBytes(Path log) throws IOException {
    if (!log.getFileName().toString().endsWith(".zstd")) {
      return Files.size(log);
    }
    try (InputStream in = new ZstdInputStream(Files.newInputStream(log))) {
      long n = 0;
      byte[] buf = new byte[1 << 16];
      for (int r; (r = in.read(buf)) > 0; ) {
        n += r;
      }
      return n;
    }
  }

  private static Map<String, String> runChild(
      String side, int reps, int warmup, Path log, String heap)
      throws IOException, InterruptedException {
    Result r =
        java(
            heap,
            List.of(
                "--child", side, Integer.toString(reps), Integer.toString(warmup), log.toString()),
            "RESULT ");
    Map<String, String> out = new LinkedHashMap<>();
    if (r.line() == null) {
      out.put("error", r.error());
      return out;
    }
    for (String kv : r.line().substring("RESULT ".length()).split(" ", -1)) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        out.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    return out;
  }

  // ---- small-heap check --------------------------------------------------------------------

  private static void checkAll(Path eventlogs, String heap) throws Exception {
    System.out.printf(Locale.ROOT, "%nour reader on every shared log, child JVM -Xmx%s:%n", heap);
    int ok = 0;
    List<Path> logs = sharedLogs(eventlogs);
    for (Path log : logs) {
      Result r = java(heap, List.of("--check-child", log.toString()), "OK ");
      String name = eventlogs.relativize(log).toString();
      if (r.line() != null) {
        ok++;
        System.out.printf(Locale.ROOT, "ok   %-70s %s%n", name, r.line().substring(3));
      } else {
        System.out.printf(Locale.ROOT, "FAIL %-70s %s%n", name, r.error());
      }
    }
    System.out.printf(Locale.ROOT, "%d/%d shared logs ok under -Xmx%s%n", ok, logs.size(), heap);
  }

  /**
   * Event logs under the shared folder: plain or compressed files, rolling {@code eventlog_v2_*}
   * directories and Databricks-style directories (holding a file named {@code eventlog}) count as
   * one log each; expectation CSVs, manifests, plan texts and Sparklens JSON are not logs.
   */
  static List<Path> sharedLogs(Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(Path dir, List<Path> out) throws IOException {
    List<Path> children;
    try (Stream<Path> s = Files.list(dir)) {
      children = s.sorted().toList();
    }
    for (Path p : children) {
      String name = p.getFileName().toString();
      if (Files.isDirectory(p)) {
        if (name.startsWith("eventlog_v2_") || Files.isRegularFile(p.resolve("eventlog"))) {
          out.add(p);
        } else if (!name.equals("expectations")) {
          collect(p, out);
        }
      } else if (!name.matches(".*\\.(md|csv|txt|json)$")) {
        out.add(p);
      }
    }
  }

  // ---- children ----------------------------------------------------------------------------

  private record Result(String line, String error) {}

  /** Runs this class in a child JVM and returns its first stdout line starting with prefix. */
  private static Result java(String heap, List<String> args, String prefix)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String flags = System.getProperty("strands.bench.jvmFlags", "").trim();
    if (!flags.isEmpty()) {
      cmd.addAll(Arrays.asList(flags.split("\\s+")));
    }
    cmd.add("-Xmx" + heap);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(AnalyzeBenchmark.class.getName());
    cmd.addAll(args);
    Path err = Files.createTempFile("strands-bench-", ".err");
    Process p =
        new ProcessBuilder(cmd)
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    p.getOutputStream().close();
    String found = null;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (found == null && line.startsWith(prefix)) {
          found = line;
        }
      }
    }
    if (!p.waitFor(CHILD_TIMEOUT_MIN, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      Files.deleteIfExists(err);
      return new Result(null, "timed out after " + CHILD_TIMEOUT_MIN + " min");
    }
    String error = null;
    if (found == null) {
      List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
      error =
          "exit "
              + p.exitValue()
              + ": "
              + lines.stream()
                  .filter(l -> l.contains("Exception") || l.contains("Error"))
                  .findFirst()
                  .orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
    }
    Files.deleteIfExists(err);
    return new Result(found, error);
  }

  private static void child(String side, int reps, int warmup, Path log) throws Exception {
    if (side.equals("ours") && !OurReader.available()) {
      System.err.println(
          "UNAVAILABLE: Error io.strandsetl.eventlog.EventLogReader is not on the class path");
      System.exit(2);
    }
    for (int i = 0; i < warmup; i++) {
      run(side, log); // untimed: lets the JIT compile the hot paths of this side
    }
    long[] ms = new long[reps];
    long[] peak = new long[reps];
    long retained = 0;
    String detail = "";
    for (int i = 0; i < reps; i++) {
      long before = usedAfterGc();
      resetPeaks();
      long t0 = System.nanoTime();
      Object result = run(side, log);
      ms[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      peak[i] = peakHeap();
      retained = usedAfterGc() - before;
      detail = describe(side, result);
      Reference.reachabilityFence(result);
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT medianMs=%d peakMiB=%d retainedMiB=%.1f runsMs=%s detail=%s%n",
        median(ms),
        median(peak) >> 20,
        Math.max(0, retained) / 1048576.0,
        Arrays.toString(ms).replace(" ", ""),
        detail);
  }

  private static Object run(String side, Path log) throws Exception {
    return switch (side) {
      case "spark-core" -> SparkReplay.replay(log, SparkReplay.Listeners.CORE);
      case "spark-history-server" -> SparkReplay.replay(log, SparkReplay.Listeners.HISTORY_SERVER);
      case "ours" -> OurReader.read(log);
      default ->
          throw new IllegalArgumentException("Invalid side: '" + side + "' (known: " + SIDES + ")");
    };
  }

  private static String describe(String side, Object result) {
    if (result instanceof SparkReplay.Replayed r) {
      return "listeners=" + r.listeners() + ",tasks=" + r.tasks();
    }
    return result == null ? "null" : result.getClass().getSimpleName();
  }

  private static void checkChild(Path log) throws Exception {
    if (!OurReader.available()) {
      System.err.println(
          "UNAVAILABLE: Error io.strandsetl.eventlog.EventLogReader is not on the class path");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    Object result = OurReader.read(log);
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    System.out.printf(
        Locale.ROOT,
        "OK %d ms, peak heap %d MiB, %s%n",
        ms,
        peakHeap() >> 20,
        describe("ours", result));
  }

  // ---- heap measurement --------------------------------------------------------------------

  private static long usedAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peak usage in bytes since the last reset (an upper bound). */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
