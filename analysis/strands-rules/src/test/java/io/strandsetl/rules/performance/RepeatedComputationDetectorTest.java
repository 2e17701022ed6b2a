package io.strandsetl.rules.performance;

import static io.strandsetl.rules.performance.RunBuilder.node;
import static io.strandsetl.rules.performance.RunBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepeatedComputationDetectorTest {
  private final RepeatedComputationDetector detector =
      new RepeatedComputationDetector(RepeatedComputationDetector.Thresholds.DEFAULTS);

  /** The same count over a join; expression and exchange ids differ per execution, as in Spark. */
  static RunBuilder.Node countOfJoin(int idBase, String rdd) {
    return node("HashAggregate", "HashAggregate(keys=[], functions=[count(1)])")
        .children(
            node(
                    "Exchange",
                    "Exchange SinglePartition, ENSURE_REQUIREMENTS, [plan_id="
                        + (idBase + 48)
                        + "]")
                .children(
                    node(
                            "SortMergeJoin",
                            "SortMergeJoin [a#"
                                + (idBase + 12)
                                + "], [b#"
                                + (idBase + 14)
                                + "], Inner")
                        .children(
                            node("Scan", "Scan[obj#" + (idBase + 1) + "]"),
                            node("Scan", "Scan[obj#" + (idBase + 7) + "]"))));
  }

  static String text(String rdd) {
    return "(1) Scan\nArguments: obj#1: int, " + rdd + " at makeRDD at <console>:23\n";
  }

  @Test
  void flagsIdenticalExecutionsOverTheSameSources() {
    var run =
        run()
            .sql(0, countOfJoin(0, ""), s -> s.planText(text("ParallelCollectionRDD[0]")).stages(0))
            .sql(
                1,
                countOfJoin(100, ""),
                s ->
                    s.planText(text("ParallelCollectionRDD[0]").replace("obj#1", "obj#101"))
                        .stages(1))
            .sql(
                2,
                countOfJoin(200, ""),
                s ->
                    s.planText(text("ParallelCollectionRDD[0]").replace("obj#1", "obj#201"))
                        .stages(2))
            .sql(
                3,
                countOfJoin(300, ""),
                s -> s.planText(text("ParallelCollectionRDD[50]")).stages(3))
            .stage(0, s -> s.sql(0).runTime(50_000))
            .stage(1, s -> s.sql(1).runTime(40_000))
            .stage(2, s -> s.sql(2).runTime(45_000))
            .stage(3, s -> s.sql(3).runTime(45_000))
            .build();

    var findings = detector.detect(run);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title())
                  .isEqualTo("Same computation ran 3 times without cache (SQL 0, 1, 2)");
              assertThat(f.location().sqlExecutionId()).isZero();
              assertThat(f.impact().coreSecondsSaved()).isEqualTo(85.0);
              assertThat(f.recommendation().pyspark()).contains("persist");
            });
  }

  @Test
  void keepsLiteralsSoDifferentRangesDiffer() {
    var run =
        run()
            .sql(0, node("Range", "Range (0, 100, step=1, splits=Some(8))"))
            .sql(1, node("Range", "Range (0, 3347, step=13, splits=Some(8))"))
            .build();

    assertThat(detector.detect(run)).isEmpty();
  }

  @Test
  void ignoresStreamingMicroBatchesCachedReadsAndCommands() {
    var scan = node("MicroBatchScan", "MicroBatchScan[key#1, value#2] class KafkaScan");
    var cached = node("InMemoryTableScan", "InMemoryTableScan [a#1]");
    var run =
        run()
            .sql(0, scan, s -> s.streaming())
            .sql(1, scan, s -> s.streaming())
            .sql(2, cached)
            .sql(3, cached)
            .sql(4, node("SetCommand"), s -> s.jobs())
            .sql(5, node("SetCommand"), s -> s.jobs())
            .build();

    assertThat(detector.detect(run)).isEmpty();
  }

  @Test
  void fingerprintDropsExpressionAndExchangeIdsOnly() {
    assertThat(
            RepeatedComputationDetector.normalise(
                "Exchange hashpartitioning(a#12L, 200), [plan_id=48], [id=#40] Range (0, 100)"))
        .isEqualTo("Exchange hashpartitioning(a#, 200), [plan_id=], [id=#] Range (0, 100)");
  }

  /**
   * An expensive filtered shuffle over one parquet source; ids differ per execution as in Spark.
   */
  static RunBuilder.Node filteredShuffle(int idBase, String path, long codegenMs) {
    return node(
            "Exchange",
            "Exchange hashpartitioning(k#"
                + idBase
                + ", 200), ENSURE_REQUIREMENTS, [plan_id="
                + idBase
                + "]")
        .metric("shuffle write time", "nsTiming", 2_000_000_000L)
        .children(
            node("WholeStageCodegen (1)")
                .metric("duration", "timing", codegenMs)
                .children(
                    node("Filter", "Filter (v#" + (idBase + 1) + " > 10)")
                        .children(
                            node(
                                    "Scan parquet",
                                    "FileScan parquet [k#" + idBase + ",v#" + (idBase + 1) + "]")
                                .meta("Location", "InMemoryFileIndex(1 paths)[" + path + "]")
                                .meta("ReadSchema", "struct<k:int,v:int>"))));
  }

  @Test
  void flagsDifferentActionsThatRecomputeTheSameShuffleInput() {
    var count =
        node("HashAggregate", "HashAggregate(keys=[], functions=[count(1)])")
            .children(
                node("HashAggregate", "HashAggregate(keys=[k#10], functions=[])")
                    .children(filteredShuffle(10, "s3://lake/sales", 40_000)));
    var write =
        node(
                "Execute InsertIntoHadoopFsRelationCommand",
                "Execute InsertIntoHadoopFsRelationCommand s3://out, false")
            .children(
                node("Sort", "Sort [k#20 ASC NULLS FIRST], false, 0")
                    .children(filteredShuffle(20, "s3://lake/sales", 38_000)));
    var run = run().sql(0, count).sql(1, write).build();

    assertThat(detector.detect(run))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.title())
                  .isEqualTo("SQL 0, 1 recompute the same shuffle input without cache");
              assertThat(f.location().planNodeName()).isEqualTo("Exchange");
              assertThat(f.location().tablePath()).isEqualTo("s3://lake/sales");
              // The repeat's codegen time under the exchange plus its shuffle write time.
              assertThat(f.impact().coreSecondsSaved()).isEqualTo(40.0);
            });
  }

  @Test
  void differentSourcesUnderTheSameShapeAreNotShared() {
    var a =
        node("HashAggregate", "HashAggregate(keys=[], functions=[count(1)])")
            .children(filteredShuffle(10, "s3://lake/sales", 40_000));
    var b =
        node("Sort", "Sort [k#20 ASC NULLS FIRST], false, 0")
            .children(filteredShuffle(20, "s3://lake/returns", 40_000));
    var run = run().sql(0, a).sql(1, b).build();

    assertThat(detector.detect(run)).isEmpty();
  }

  @Test
  void identicalPlansAreReportedOnceAsAWholeNotAgainPerExchange() {
    var run =
        run()
            .sql(
                0,
                node("HashAggregate", "HashAggregate(keys=[], functions=[count(1)])")
                    .children(filteredShuffle(10, "s3://lake/sales", 40_000)))
            .sql(
                1,
                node("HashAggregate", "HashAggregate(keys=[], functions=[count(1)])")
                    .children(filteredShuffle(20, "s3://lake/sales", 40_000)))
            .build();

    assertThat(detector.detect(run))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.title())
                    .isEqualTo("Same computation ran 2 times without cache (SQL 0, 1)"));
  }

  @Test
  void leafArgumentsNameTheRddBehindAnAttribute() {
    var args =
        RepeatedComputationDetector.leafArguments(
            "(1) Scan\nOutput [1]: [obj#1]\nArguments: obj#1: int, ParallelCollectionRDD[0] at makeRDD at <console>:23\n\n(2) Project\nOutput [1]: [a#12]\n");

    assertThat(args)
        .containsEntry("obj#1", "obj#: int, ParallelCollectionRDD[0] at makeRDD at <console>:23");
  }
}
