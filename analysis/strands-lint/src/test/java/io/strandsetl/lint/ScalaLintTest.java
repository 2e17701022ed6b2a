package io.strandsetl.lint;

import static io.strandsetl.lint.Samples.found;
import static io.strandsetl.lint.Samples.foundIn;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScalaLintTest {
  @Test
  void flagsEveryRuleInScalaWithLeadingDotChainsAndTripleQuotedSql() {
    assertThat(found("scala/Positive.scala"))
        .containsExactly(
            "select-star:10",
            "cartesian-join:12",
            "cartesian-join:13",
            "missing-broadcast:13",
            "unpartitioned-window:14",
            "non-sargable-predicate:15",
            "repeated-computation:17",
            "collect-to-driver:18",
            "select-star:20",
            "non-sargable-predicate:22");
  }

  @Test
  void correctScalaWithCommentsInterpolationsAndAggCountIsClean() {
    assertThat(found("scala/Negative.scala")).isEmpty();
  }

  @Test
  void stripMarginSqlIsLintedAtTheRightLine() {
    String scala =
        "val q = spark.sql(\n"
            + "  \"\"\"SELECT a\n"
            + "    |FROM t\n"
            + "    |WHERE upper(a) = 'X'\"\"\".stripMargin)\n";
    assertThat(foundIn("Job.scala", scala)).containsExactly("non-sargable-predicate:4");
  }

  @Test
  void scalaEmptyOverIsAnUnpartitionedWindow() {
    assertThat(foundIn("Job.scala", "val t = df.withColumn(\"total\", sum($\"x\").over())\n"))
        .containsExactly("unpartitioned-window:1");
  }

  @Test
  void windowImportAliasIsFollowedInScala() {
    String scala =
        "import org.apache.spark.sql.expressions.{Window => W}\n"
            + "val w = W.orderBy($\"ts\")\n"
            + "val ok = W.partitionBy($\"k\").orderBy($\"ts\")\n";
    assertThat(foundIn("Job.scala", scala)).containsExactly("unpartitioned-window:2");
  }
}
