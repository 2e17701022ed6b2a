package io.strandsetl.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.strandsetl.eventlog.codec.DecodedInput;
import io.strandsetl.eventlog.codec.LineSplitter;
import io.strandsetl.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The byte-level fast path must agree with the Jackson path on every task end it accepts, and must
 * refuse (leaving the Jackson path to decide) every line that is cut off or not strict JSON.
 */
class FastEventScannerTest {
  private static final JsonFactory JSON = new JsonFactory();
  // Accumulator ids registered as SQL metrics in both paths: every id below this bound.
  private static final int SQL_IDS = 200_000;

  @Test
  void agreesWithJacksonOnEveryTaskEndOfTheLargeSharedLogs() throws IOException {
    for (String log :
        List.of(
            "spark-rapids-tools/nds_q88_photon_db_13_3.zstd",
            "spark-rapids-tools/tasks_executors_fail_compressed_eventlog.zstd",
            "spark-rapids-tools/nds_q72_dataproc_2_2.zstd")) {
      List<byte[]> lines = taskEndLines(log);
      assertThat(lines).as(log).isNotEmpty();
      // As the reader does: the fast path first, Jackson for the lines it refuses.
      SqlAccumulators mixedSql = registered(new SqlAccumulators());
      SqlAccumulators jacksonSql = registered(new SqlAccumulators());
      FastEventScanner scanner = new FastEventScanner();
      int accepted = 0;
      for (byte[] line : lines) {
        TaskEndEvent mixed = new TaskEndEvent();
        if (scanner.taskEnd(line, 0, line.length, mixed, mixedSql)) {
          accepted++;
        } else {
          jackson(line, mixed, mixedSql);
        }
        TaskEndEvent reference = new TaskEndEvent();
        jackson(line, reference, jacksonSql);
        assertThat(fields(mixed)).as(log + ": " + head(line)).isEqualTo(fields(reference));
      }
      assertThat(values(mixedSql)).as(log).isEqualTo(values(jacksonSql));
      assertThat(values(jacksonSql)).as(log).anyMatch(v -> v != null);
      // Spark writes plain task ends: nearly all of them must take the fast path.
      assertThat(accepted).as(log).isGreaterThan(lines.size() * 9 / 10);
    }
  }

  @Test
  void refusesEveryCutOffTaskEnd() throws IOException {
    byte[] line =
        taskEndLines("spark-rapids-tools/tasks_executors_fail_compressed_eventlog.zstd").get(0);
    assertThat(fast(line)).isNotNull();
    SqlAccumulators sql = registered(new SqlAccumulators());
    for (int cut = FastEventScanner.TASK_END.length + 1; cut < line.length; cut++) {
      // The bytes after the cut are still in the array, as in the splitter's reused buffer.
      TaskEndEvent t = new TaskEndEvent();
      boolean ok = new FastEventScanner().taskEnd(line, 0, cut, t, sql);
      assertThat(ok).as("cut at " + cut + " of " + line.length).isFalse();
    }
  }

  @Test
  void leavesLinesThatAreNotStrictJsonToJackson() {
    String good =
        "{\"Event\":\"SparkListenerTaskEnd\",\"Stage ID\":1,\"Task Info\":{\"Executor ID\":\"3\","
            + "\"Accumulables\":[{\"ID\":7,\"Name\":\"n\",\"Update\":\"5\"}]},\"x\":[1.5e3,-0,true]}";
    assertThat(fast(good.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(jackson(good.getBytes(StandardCharsets.UTF_8)));
    for (String bad :
        List.of(
            good.replace("1.5e3", "01"),
            good.replace("1.5e3", "1."),
            good.replace("true", "tru"),
            good.replace("\"n\"", "\"n\\q\""),
            good.replace("\"n\"", "\"n\u0001\""),
            good.replace("\"n\"", "\"né\""),
            good.replace("\"5\"", "\"5x\""),
            good.replace("\"Update\":\"5\"", "\"Update\":5.5"),
            good.replace("\"ID\":7,\"Name\":\"n\",\"Update\":\"5\"", "\"Update\":5,\"ID\":7"),
            good.replace("\"Stage ID\":1", "\"Stage ID\":\"1\""),
            good.replace("\"Stage ID\":1", "\"Stage ID\":99999999999"),
            good.replace("[1.5e3,-0,true]", "[1,]"),
            good.replace("\"3\"", "\"\\u0033\""))) {
      assertThat(fast(bad.getBytes(StandardCharsets.UTF_8))).as(bad).isNull();
    }
  }

  /** What a task end leaves behind: the event's fields and the SQL accumulators' values. */
  private record Outcome(String event, List<Long> sqlValues) {}

  private static Outcome fast(byte[] line) {
    TaskEndEvent t = new TaskEndEvent();
    SqlAccumulators sql = new SqlAccumulators();
    sql.register(7, "sum");
    if (!new FastEventScanner().taskEnd(line, 0, line.length, t, sql)) {
      return null;
    }
    return new Outcome(fields(t), Arrays.asList(sql.value(7)));
  }

  private static Outcome jackson(byte[] line) {
    TaskEndEvent t = new TaskEndEvent();
    SqlAccumulators sql = new SqlAccumulators();
    sql.register(7, "sum");
    return jackson(line, t, sql) ? new Outcome(fields(t), Arrays.asList(sql.value(7))) : null;
  }

  private static boolean jackson(byte[] line, TaskEndEvent t, SqlAccumulators sql) {
    try (JsonParser p = JSON.createParser(line)) {
      p.nextToken();
      p.nextFieldName();
      p.nextToken();
      t.parse(p, sql);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static SqlAccumulators registered(SqlAccumulators sql) {
    for (int id = 0; id < SQL_IDS; id++) {
      sql.register(id, id % 3 == 0 ? "average" : "sum");
    }
    return sql;
  }

  private static List<Long> values(SqlAccumulators sql) {
    List<Long> values = new ArrayList<>();
    for (int id = 0; id < SQL_IDS; id++) {
      values.add(sql.value(id));
    }
    return values;
  }

  private static String fields(TaskEndEvent t) {
    return Arrays.asList(
            t.stageId,
            t.stageAttemptId,
            t.reason,
            t.launchTimeMs,
            t.finishTimeMs,
            t.executorId,
            t.host,
            t.speculative,
            t.failedFlag,
            t.killedFlag,
            t.hasFailedFlag,
            t.executorRunTimeMs,
            t.executorCpuTimeNs,
            t.jvmGcTimeMs,
            t.peakExecutionMemoryBytes,
            t.memorySpillBytes,
            t.diskSpillBytes,
            t.inputBytes,
            t.inputRecords,
            t.outputBytes,
            t.outputRecords,
            t.shuffleRemoteBytes,
            t.shuffleLocalBytes,
            t.shuffleRecordsRead,
            t.shuffleFetchWaitMs,
            t.shuffleWriteBytes,
            t.shuffleWriteRecords,
            t.shuffleWriteTimeNs,
            t.jvmHeapPeakBytes,
            t.jvmOffHeapPeakBytes)
        .toString();
  }

  private static List<byte[]> taskEndLines(String log) throws IOException {
    List<byte[]> lines = new ArrayList<>();
    try (DecodedInput in = DecodedInput.open(SharedData.eventLog(log), Long.MAX_VALUE)) {
      new LineSplitter(64 << 20)
          .split(
              in,
              new LineSplitter.LineSink() {
                @Override
                public void line(byte[] buffer, int offset, int length, boolean terminated) {
                  if (FastEventScanner.startsWith(
                      buffer, offset, length, FastEventScanner.TASK_END)) {
                    lines.add(Arrays.copyOfRange(buffer, offset, offset + length));
                  }
                }

                @Override
                public void overlongLine() {}
              });
    }
    return lines;
  }

  private static String head(byte[] line) {
    return new String(line, 0, Math.min(200, line.length), StandardCharsets.UTF_8);
  }
}
