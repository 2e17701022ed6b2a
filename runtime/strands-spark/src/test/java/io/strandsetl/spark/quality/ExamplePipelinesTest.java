package io.strandsetl.spark.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.model.config.Settings;
import io.strandsetl.quality.Check;
import io.strandsetl.quality.QualityDimension;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo pipelines' quality sections are valid and measure four of the five dimensions. */
class ExamplePipelinesTest {
  @ParameterizedTest
  @ValueSource(strings = {"customer-order-summary.yaml", "customer-order-summary-fixed.yaml"})
  void demoPipelineDeclaresQualityRulesTheHookAccepts(String file) {
    var spec = PipelineParser.parse(Path.of("../../examples").resolve(file));

    QualityHook hook = QualityHook.forPipeline(spec, Settings.empty());

    assertThat(hook.spec().settings().postRunMinScore()).isEqualTo(0.9);
    assertThat(hook.spec().rules())
        .extracting(r -> r.dimension())
        .contains(
            QualityDimension.COMPLETENESS,
            QualityDimension.ACCURACY,
            QualityDimension.CONSISTENCY,
            QualityDimension.VALIDITY);
    assertThat(hook.spec().rules())
        .filteredOn(r -> r.check() instanceof Check.Reconcile)
        .hasSize(2);
  }
}
