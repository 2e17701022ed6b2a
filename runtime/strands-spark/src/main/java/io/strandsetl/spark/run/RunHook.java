package io.strandsetl.spark.run;

import io.strandsetl.model.pipeline.SinkSpec;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Code that takes part in a run at its three decision points: quality gates, PII masking and
 * compliance blocking are hooks. Hooks run in the order given to {@link RunOptions#withHooks}.
 *
 * <p>A hook that throws fails the run (status FAILED, step {@code gate '<name>'}, outputs not
 * published): a gate that could not decide must not let unchecked data through. A hook that wants
 * "record and continue" semantics catches its own errors and returns {@link Gate#pass()}.
 */
public interface RunHook {

  /** Names the hook in steps, errors and reports, e.g. {@code quality}. */
  String name();

  /**
   * After every source is read and registered, before any step runs or anything is written.
   *
   * @param sources source name to its rows (lazy; a hook that scans them pays one Spark job)
   * @return {@link Gate#halt} stops the run before it starts
   */
  default Gate beforeRun(RunContext context, Map<String, Dataset<Row>> sources) {
    return Gate.pass();
  }

  /** Replaces a sink's rows just before they are written to staging (e.g. masked columns). */
  default Dataset<Row> beforeWrite(RunContext context, SinkSpec sink, Dataset<Row> rows) {
    return rows;
  }

  /**
   * After every sink is staged, before anything is published.
   *
   * @param staged sink name to its staged rows, read back from the staging directory
   * @return {@link Gate#halt} discards every staged output; the previous outputs stay
   */
  default Gate beforePublish(RunContext context, Map<String, Dataset<Row>> staged) {
    return Gate.pass();
  }
}
