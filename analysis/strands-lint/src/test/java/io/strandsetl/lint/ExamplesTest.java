package io.strandsetl.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.finding.Finding;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The realistic jobs: each bad one shows the rules; its corrected twin is clean. */
class ExamplesTest {
  private static final Set<String> ALL_RULES =
      Arrays.stream(LintRule.values()).map(LintRule::id).collect(Collectors.toSet());

  private static Set<String> types(String resource) {
    return Samples.lint(resource).findings().stream()
        .map(Finding::type)
        .collect(Collectors.toSet());
  }

  @Test
  void badPySparkJobShowsEveryRule() {
    assertThat(types("examples/customer_order_summary_bad.py")).isEqualTo(ALL_RULES);
  }

  @Test
  void badScalaJobShowsEveryRule() {
    assertThat(types("examples/CustomerOrderSummaryBad.scala")).isEqualTo(ALL_RULES);
  }

  @Test
  void badSqlScriptShowsEverySqlRule() {
    assertThat(types("examples/customer_order_summary_bad.sql"))
        .containsExactlyInAnyOrder(
            "select-star",
            "non-sargable-predicate",
            "missing-broadcast",
            "unpartitioned-window",
            "cartesian-join");
  }

  @Test
  void correctedTwinsAreClean() {
    for (String twin :
        List.of(
            "examples/customer_order_summary_good.py",
            "examples/customer_order_summary_good.sql",
            "examples/CustomerOrderSummaryGood.scala")) {
      LintReport report = Samples.lint(twin);
      assertThat(report.findings()).as(twin).isEmpty();
      assertThat(report.notes()).as(twin).isEmpty();
    }
  }
}
