package io.strandsetl.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QualitySpecTest {
  private static QualitySpec parse(Map<String, Object> section) {
    return QualitySpec.parse(
        section,
        QualitySettings.defaults(),
        Set.of("orders", "customers"),
        Set.of("summary"),
        null);
  }

  @Test
  void namesTheRuleByNumberDatasetColumnAndTypeWhenItsBoundsAreReversed() {
    Map<String, Object> section =
        Map.of(
            "rules",
            List.of(
                Map.of("dataset", "orders", "type", "not_null", "column", "id"),
                Map.of("dataset", "orders", "type", "unique", "columns", List.of("id")),
                Map.of(
                    "dataset", "orders", "type", "range", "column", "amount", "min", 10, "max",
                    5)));

    assertThatThrownBy(() -> parse(section))
        .isInstanceOf(StrandsException.class)
        .hasMessage("Invalid quality rule 3 (orders.amount range): min 10 > max 5");
  }

  @Test
  void reportsEveryProblemAtOnceWithTheKnownNames() {
    Map<String, Object> section =
        Map.of(
            "weights",
            Map.of("speed", 1),
            "rules",
            List.of(
                Map.of("dataset", "orderz", "type", "not_null", "column", "id"),
                Map.of("dataset", "orders", "type", "nul", "column", "id"),
                Map.of("dataset", "orders", "type", "regex", "column", "id", "pattern", "[a-")));

    assertThatThrownBy(() -> parse(section))
        .hasMessageContaining(
            "Invalid quality.weights key: 'speed' (known: [completeness, accuracy, consistency, timeliness, validity])")
        .hasMessageContaining(
            "Invalid quality rule 1 (orderz.id not_null): dataset 'orderz' is neither a source nor a sink")
        .hasMessageContaining(
            "Invalid quality rule 2 (orders.id nul): type 'nul' (known: [not_null,")
        .hasMessageContaining("Invalid quality rule 3 (orders.id regex): pattern [a- (");
  }

  @Test
  void readsRulesGatesWeightsAndTokensOverTheSettings() {
    QualitySettings base =
        QualitySettings.from(
            Settings.of(
                Map.of(
                    "quality.missing-tokens",
                    "\"\", empty, N/A, -",
                    "quality.weights.accuracy",
                    "0.5")));
    Map<String, Object> section =
        Map.of(
            "post_run",
            Map.of("min_score", 0.9),
            "weights",
            Map.of("validity", 0.4),
            "rules",
            List.of(
                Map.of(
                    "dataset",
                    "orders",
                    "type",
                    "freshness",
                    "column",
                    "ts",
                    "max_age",
                    "36h",
                    "severity",
                    "critical",
                    "threshold",
                    1),
                Map.of(
                    "dataset",
                    "orders",
                    "type",
                    "fd",
                    "determinant",
                    "customer_id",
                    "dependent",
                    "state",
                    "threshold",
                    0.99)));

    QualitySpec spec = QualitySpec.parse(section, base, Set.of("orders"), Set.of(), null);

    assertThat(spec.settings().missingTokens()).containsExactly("", "empty", "N/A", "-");
    assertThat(spec.settings().weights())
        .containsEntry(QualityDimension.ACCURACY, 0.5)
        .containsEntry(QualityDimension.VALIDITY, 0.4)
        .containsEntry(QualityDimension.COMPLETENESS, 0.25);
    assertThat(spec.settings().postRunMinScore()).isEqualTo(0.9);
    assertThat(spec.settings().preRunMinScore()).isNull();
    assertThat(spec.rules()).hasSize(2);
    assertThat(spec.rules().get(0).check())
        .isEqualTo(new Check.Freshness("ts", Duration.ofHours(36)));
    assertThat(spec.rules().get(0).severity()).isEqualTo(RuleSeverity.CRITICAL);
    assertThat(spec.rules().get(1).check())
        .isEqualTo(new Check.FunctionalDependency(List.of("customer_id"), "state"));
    assertThat(spec.rules().get(1).dimension()).isEqualTo(QualityDimension.CONSISTENCY);
    assertThat(spec.rules().get(1).name()).isEqualTo("orders.state functional_dependency");
  }

  @Test
  void unknownColumnIsReportedWhenThePlanMeetsTheActualSchema() {
    QualitySpec spec =
        parse(
            Map.of(
                "rules",
                List.of(Map.of("dataset", "orders", "type", "not_null", "column", "amout"))));

    assertThatThrownBy(() -> MeasurePlan.of(spec, "orders", Map.of("amount", "double")))
        .hasMessage(
            "Invalid quality rule 1 (orders.amout not_null): column 'amout' not found in 'orders' (columns: amount)");
  }
}
