package io.strandsetl.agents.llm;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import java.util.Optional;

/** The configured language model, if any (docs/agents.md, "Language model"). */
public final class LanguageModels {
  private LanguageModels() {}

  /** The model of {@code agents.llm.*}; empty when none is configured (the default). */
  public static Optional<ToolCallingModel> configured(Settings settings) {
    return LlmSettings.from(settings).map(ToolCallingModel::new);
  }

  /**
   * @throws StrandsException INVALID_CONFIG saying how to configure one
   */
  public static ToolCallingModel require(Settings settings) {
    return configured(settings)
        .orElseThrow(
            () ->
                new StrandsException(
                    ErrorCode.INVALID_CONFIG,
                    "Cannot answer: no language model is configured (set agents.llm.provider=openai,"
                        + " anthropic or bedrock and agents.llm.model, with agents.llm.api-key or"
                        + " AWS credentials; see docs/agents.md)"));
  }
}
