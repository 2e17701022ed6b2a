package io.strandsetl.lint;

import static io.strandsetl.lint.Samples.found;
import static io.strandsetl.lint.Samples.foundIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Finding;
import org.junit.jupiter.api.Test;

class SqlLintTest {
  @Test
  void flagsSelectStarAndTableStarAtTheirLines() {
    assertThat(found("sql/select-star-positive.sql"))
        .containsExactly("select-star:1", "select-star:4");
  }

  @Test
  void acceptsCountStarSelectStarInsideExistsAndStarsInStringsOrComments() {
    assertThat(found("sql/select-star-negative.sql")).isEmpty();
  }

  @Test
  void selectStarInsideExistsIsFineButNotInsideInSubquery() {
    assertThat(foundIn("q.sql", "SELECT a FROM t\nWHERE a IN (SELECT * FROM u)"))
        .containsExactly("select-star:2");
    assertThat(foundIn("q.sql", "SELECT a FROM t\nWHERE EXISTS (SELECT * FROM u)")).isEmpty();
  }

  @Test
  void flagsImplicitCommaJoinWithoutJoiningPredicateCrossJoinAndJoinWithoutKeys() {
    assertThat(found("sql/cartesian-join-positive.sql"))
        .containsExactly(
            "cartesian-join:2", "cartesian-join:5", "cartesian-join:8", "cartesian-join:10");
  }

  @Test
  void acceptsCommaJoinWithPredicateOnUsingAndLateralView() {
    assertThat(found("sql/cartesian-join-negative.sql")).isEmpty();
  }

  @Test
  void flagsWindowsWithoutPartitionByIncludingEmptyOverAndNamedWindows() {
    assertThat(found("sql/unpartitioned-window-positive.sql"))
        .containsExactly(
            "unpartitioned-window:2", "unpartitioned-window:5", "unpartitioned-window:7");
  }

  @Test
  void acceptsPartitionedWindowsInlineAndNamed() {
    assertThat(found("sql/unpartitioned-window-negative.sql")).isEmpty();
  }

  @Test
  void flagsJoinWithDeclaredSmallTableWithoutBroadcastHintForThatTable() {
    assertThat(found("sql/missing-broadcast-positive.sql"))
        .containsExactly("missing-broadcast:4", "missing-broadcast:9");
  }

  @Test
  void acceptsHintByAliasOrNameJoinsWithLargeTablesAndSmallTablesReadAlone() {
    assertThat(found("sql/missing-broadcast-negative.sql")).isEmpty();
  }

  @Test
  void smallTablesCanComeFromOptionsInsteadOfComments() {
    String sql = "SELECT f.a FROM sales f\nJOIN dim_region r ON f.region_id = r.region_id";
    assertThat(foundIn("q.sql", sql)).isEmpty();
    assertThat(foundIn("q.sql", sql, "dim_region")).containsExactly("missing-broadcast:2");
  }

  @Test
  void flagsFunctionsOnColumnsInWhereAndJoinOn() {
    assertThat(found("sql/non-sargable-predicate-positive.sql"))
        .containsExactly(
            "non-sargable-predicate:3",
            "non-sargable-predicate:7",
            "non-sargable-predicate:10",
            "non-sargable-predicate:11");
  }

  @Test
  void acceptsFunctionsOnConstantsInSelectGroupByHavingAndSubqueries() {
    assertThat(found("sql/non-sargable-predicate-negative.sql")).isEmpty();
  }

  @Test
  void nonSargableTitleNamesTheExpressionAndClause() {
    Finding f =
        new LintService(LintOptions.defaults())
            .lintText("q.sql", "SELECT a FROM t WHERE year(order_date) = 2024")
            .findings()
            .get(0);
    assertThat(f.title()).contains("year(order_date)").contains("WHERE");
    assertThat(f.evidence())
        .anySatisfy(
            e -> assertThat(e.value()).isEqualTo("SELECT a FROM t WHERE year(order_date) = 2024"));
  }

  @Test
  void lintsTheQueryInsideSparkOnlyStatementsAndNotesWhatCannotBeParsed() {
    LintReport report = Samples.lint("sql/spark-dialect.sql");
    assertThat(Samples.typeAndLine(report.findings()))
        .containsExactly("select-star:3", "cartesian-join:6", "select-star:15");
    assertThat(report.notes()).hasSize(1);
    assertThat(report.notes().get(0).line()).isEqualTo(10);
    assertThat(report.notes().get(0).message())
        .startsWith("Cannot parse SQL statement (JSqlParser: unexpected token \"OPTIMIZE\"")
        .contains("were not checked");
  }

  @Test
  void splitsStatementsOnlyAtSemicolonsOutsideStringsAndComments() {
    String sql = "SELECT 'a;b' AS x FROM t; -- c;d\n/* e;\n f */ SELECT *\nFROM u;";
    assertThat(foundIn("q.sql", sql)).containsExactly("select-star:3");
  }

  @Test
  void unparsableStatementDoesNotStopTheOthers() {
    String sql = "SELEC broken FROM;\nSELECT * FROM t;";
    LintReport report = new LintService(LintOptions.defaults()).lintText("q.sql", sql);
    assertThat(Samples.typeAndLine(report.findings())).containsExactly("select-star:2");
    assertThat(report.notes()).extracting(LintNote::line).containsExactly(1);
  }

  @Test
  void findsProblemsInCtesSetOperationsAndDerivedTables() {
    String sql =
        "WITH a AS (SELECT * FROM t)\n"
            + "SELECT x FROM a\n"
            + "UNION ALL\n"
            + "SELECT x FROM (SELECT x, RANK() OVER (ORDER BY y) r FROM u) d";
    assertThat(foundIn("q.sql", sql)).containsExactly("select-star:1", "unpartitioned-window:4");
  }

  @Test
  void unqualifiedEqualityInWhereCountsAsAJoinPredicateAndDeleteWhereIsChecked() {
    assertThat(foundIn("q.sql", "SELECT x FROM a, b WHERE id = a_id")).isEmpty();
    assertThat(foundIn("q.sql", "DELETE FROM t\nWHERE to_date(ts) = '2024-01-01'"))
        .containsExactly("non-sargable-predicate:2");
  }

  @Test
  void selectStarOverOneDerivedTableOrCteIsNotReportedButTheInnerStarIs() {
    String sql =
        "WITH totals AS (SELECT customer_id, SUM(amount) AS total FROM sales GROUP BY customer_id)\n"
            + "SELECT * FROM totals;\n"
            + "SELECT * FROM (\n"
            + "  SELECT t.*, RANK() OVER (PARTITION BY state ORDER BY total) AS r FROM customer_totals t\n"
            + ") WHERE r <= 100;\n"
            + "SELECT * FROM (SELECT a FROM x) d JOIN y ON d.a = y.a";
    assertThat(foundIn("q.sql", sql)).containsExactly("select-star:4", "select-star:6");
  }

  @Test
  void sparkVariablesDoNotStopParsing() {
    String sql = "SELECT *\nFROM sales\nWHERE dt = ${run_date} AND region = '${hivevar:region}'";
    LintReport report = new LintService(LintOptions.defaults()).lintText("q.sql", sql);
    assertThat(Samples.typeAndLine(report.findings())).containsExactly("select-star:1");
    assertThat(report.notes()).isEmpty();
  }
}
