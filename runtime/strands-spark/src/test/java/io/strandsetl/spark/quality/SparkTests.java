package io.strandsetl.spark.quality;

import org.apache.spark.sql.SparkSession;

/**
 * A SparkSession for tests that measure datasets directly: local[2], two shuffle partitions, no UI.
 * The pipeline runner refuses to start while another session is active (a run needs its own for its
 * event log), so a test class that opens one stops it in {@code @AfterAll} with {@link #stop()}.
 */
final class SparkTests {
  private SparkTests() {}

  static SparkSession session() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("strands-quality-tests")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .getOrCreate();
  }

  static void stop() {
    SparkSession.getActiveSession()
        .foreach(
            s -> {
              s.stop();
              return null;
            });
    SparkSession.getDefaultSession()
        .foreach(
            s -> {
              s.stop();
              return null;
            });
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }
}
