package io.strandsetl.lint;

import static io.strandsetl.lint.Samples.found;
import static io.strandsetl.lint.Samples.foundIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Finding;
import org.junit.jupiter.api.Test;

class PySparkLintTest {
  @Test
  void flagsSelectOfStarAndSelectStarInSparkSql() {
    assertThat(found("py/select-star-positive.py"))
        .containsExactly("select-star:3", "select-star:4", "select-star:5");
  }

  @Test
  void countStarInsideAggAndCountStarSqlAreNotSelectStar() {
    assertThat(found("py/select-star-negative.py")).isEmpty();
  }

  @Test
  void flagsCrossJoinJoinWithoutKeysAndCrossHow() {
    assertThat(found("py/cartesian-join-positive.py"))
        .containsExactly("cartesian-join:1", "cartesian-join:2", "cartesian-join:3");
  }

  @Test
  void keyedJoinsAndStringOrPathJoinsAreNotCartesian() {
    assertThat(found("py/cartesian-join-negative.py")).isEmpty();
  }

  @Test
  void flagsWindowOrderByWithoutPartitionByAlsoThroughAnImportAlias() {
    assertThat(found("py/unpartitioned-window-positive.py"))
        .containsExactly(
            "unpartitioned-window:5", "unpartitioned-window:6", "unpartitioned-window:7");
  }

  @Test
  void windowWithPartitionByDoesNotFireWhateverTheOrder() {
    assertThat(found("py/unpartitioned-window-negative.py")).isEmpty();
  }

  @Test
  void flagsTheSecondActionOnAnUncachedDataFrame() {
    assertThat(found("py/repeated-computation-positive.py"))
        .containsExactly("repeated-computation:5", "repeated-computation:9");
  }

  @Test
  void repeatedComputationNamesTheVariableAndTheFirstAction() {
    Finding f = Samples.lint("py/repeated-computation-positive.py").findings().get(0);
    assertThat(f.title())
        .isEqualTo(
            "DataFrame orders is computed again by show() (line 4: count() computed it already) and is not cached");
  }

  @Test
  void cachedReassignedAggCountAndGroupedCountAreNotRepeatedComputation() {
    assertThat(found("py/repeated-computation-negative.py")).isEmpty();
  }

  @Test
  void countStarInsideAggIsNotAnAction() {
    String py = "df = spark.table('t')\nx = df.agg(F.count('*'), count('*'))\ndf.show()\n";
    assertThat(foundIn("job.py", py)).isEmpty();
  }

  @Test
  void flagsJoinWithSmallTableByVariableOrInlineRead() {
    assertThat(found("py/missing-broadcast-positive.py"))
        .containsExactly("missing-broadcast:5", "missing-broadcast:6");
  }

  @Test
  void broadcastFunctionHintAndBroadcastVariableAreEnough() {
    assertThat(found("py/missing-broadcast-negative.py")).isEmpty();
  }

  @Test
  void smallTableOptionMatchesAVariableReadFromThatTable() {
    String py = "regions = spark.table('ref.dim_region')\nout = sales.join(regions, 'region_id')\n";
    assertThat(foundIn("job.py", py)).isEmpty();
    assertThat(foundIn("job.py", py, "dim_region")).containsExactly("missing-broadcast:2");
  }

  @Test
  void flagsCollectAndToPandasOnUnboundedDataFrames() {
    assertThat(found("py/collect-to-driver-positive.py"))
        .containsExactly("collect-to-driver:1", "collect-to-driver:3", "collect-to-driver:4");
  }

  @Test
  void limitAggregateSqlLimitStringsAndCommentsAreNotCollectToDriver() {
    assertThat(found("py/collect-to-driver-negative.py")).isEmpty();
  }

  @Test
  void flagsFunctionsOnColumnsInFiltersSqlFilterStringsAndJoinConditions() {
    assertThat(found("py/non-sargable-predicate-positive.py"))
        .containsExactly(
            "non-sargable-predicate:3",
            "non-sargable-predicate:4",
            "non-sargable-predicate:5",
            "non-sargable-predicate:6");
  }

  @Test
  void bareColumnComparisonsFunctionsOnConstantsAndProjectionsAreFine() {
    assertThat(found("py/non-sargable-predicate-negative.py")).isEmpty();
  }

  @Test
  void lintsSqlInVariablesFStringsAndAdjacentLiteralsAtTheirOwnLines() {
    assertThat(found("py/tokenizer-traps.py"))
        .containsExactly(
            "select-star:4", "select-star:14", "cartesian-join:18", "cartesian-join:22");
  }

  @Test
  void collectInsideStringsAndCommentsDoesNotCount() {
    String py =
        "df = spark.table('t')\n"
            + "# df.collect()\n"
            + "s = 'df.collect()'\n"
            + "t = \"\"\"\ndf.collect()\ndf.count()\n\"\"\"\n"
            + "u = f'{df} .collect()'\n";
    assertThat(foundIn("job.py", py)).isEmpty();
  }

  @Test
  void functionBodiesStartAFreshScope() {
    String py =
        "def a():\n    df = spark.table('x').cache()\n    df.count()\n    df.show()\n"
            + "def b():\n    df = spark.table('y')\n    df.count()\n";
    assertThat(foundIn("job.py", py)).isEmpty();
  }

  @Test
  void functionsModuleBroadcastIsAHintAndSmallLeftSideIsReported() {
    String py =
        "from pyspark.sql import functions\n"
            + "d = spark.table('dim_store')\n"
            + "a = sales.join(functions.broadcast(d), 'k')\n"
            + "b = d.join(sales, 'k')\n";
    assertThat(foundIn("job.py", py, "dim_store")).containsExactly("missing-broadcast:4");
  }

  @Test
  void distinctIsNotBoundingButCacheThenCountIsNoRepeat() {
    String py =
        "df = spark.table('sales')\n"
            + "kinds = df.select('kind').distinct().collect()\n"
            + "other = spark.table('x')\n"
            + "other.cache().count()\n"
            + "other.show()\n";
    assertThat(foundIn("job.py", py)).containsExactly("collect-to-driver:2");
  }

  @Test
  void keywordArgumentsAndConditionalsAreRead() {
    String py =
        "df = spark.table('sales')\n"
            + "j = df.join(other, on='id', how='left')\n"
            + "if df.count() > 0:\n"
            + "    df.show()\n";
    assertThat(foundIn("job.py", py)).containsExactly("repeated-computation:4");
  }

  @Test
  void joinsOnChainsStartingAtTheSessionAreChecked() {
    String py =
        "stores = spark.table('dim_store')\n"
            + "a = spark.table('sales').join(stores, 'store_id')\n"
            + "b = spark.table('sales').join(spark.table('stores'))\n";
    assertThat(foundIn("job.py", py, "dim_store"))
        .containsExactly("missing-broadcast:2", "cartesian-join:3");
  }
}
