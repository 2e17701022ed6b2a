package io.strandsetl.agents.runtime;

import io.strandsetl.model.config.Settings;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * A SparkSession for a tool called outside a run (profile a dataset, scan it for PII): the active
 * one when there is one, else a local session started for the call and stopped after it, so that
 * the next pipeline run can start its own (a run needs a session of its own for its event log).
 * Master: {@code agents.spark.master}, default {@code local[*]}.
 */
public final class LocalSpark {
  private LocalSpark() {}

  public static <T> T with(Settings settings, String appName, Function<SparkSession, T> work) {
    if (SparkSession.getActiveSession().isDefined()) {
      return work.apply(SparkSession.getActiveSession().get());
    }
    String master = settings.string("agents.spark.master").orElse("local[*]");
    SparkSession spark =
        SparkSession.builder()
            .appName(appName)
            .master(master)
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
    try {
      return work.apply(spark);
    } finally {
      spark.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
  }
}
