package io.strandsetl.spark.quality;

import org.apache.spark.sql.SparkSession;

/** The one SparkSession of this test JVM: local[2], two shuffle partitions, no UI. */
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
}
