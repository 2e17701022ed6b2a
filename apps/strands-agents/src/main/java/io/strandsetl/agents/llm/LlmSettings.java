package io.strandsetl.agents.llm;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Secret;
import io.strandsetl.model.config.Settings;
import java.util.List;
import java.util.Optional;

/**
 * The optional language model ({@code agents.llm.*}); off unless {@code agents.llm.provider} is
 * set. Token prices (USD per 1M tokens) default to the provider's list price of the default model
 * in shared/docs/PRICING.md and can be overridden.
 *
 * @param provider {@code openai} (any OpenAI-compatible endpoint), {@code anthropic} or {@code
 *     bedrock} (Amazon Bedrock Converse API)
 * @param model model name (for Bedrock the model or inference-profile id)
 * @param baseUrl endpoint; null for the provider's default (Bedrock: endpoint override)
 * @param apiKey the key, never printed (not used by Bedrock)
 * @param region AWS region of Bedrock, e.g. us-east-1
 * @param awsAccessKeyId Bedrock access key id, or null for the default AWS credentials chain
 * @param awsSecretAccessKey Bedrock secret access key (with awsAccessKeyId), never printed
 * @param inputUsdPerMillion price of 1M input tokens, USD
 * @param outputUsdPerMillion price of 1M output tokens, USD
 * @param maxToolCalls tool calls one question may make before the answer is cut short
 * @param timeoutSeconds HTTP timeout of one model call, seconds
 */
public record LlmSettings(
    String provider,
    String model,
    String baseUrl,
    Secret apiKey,
    String region,
    Secret awsAccessKeyId,
    Secret awsSecretAccessKey,
    double inputUsdPerMillion,
    double outputUsdPerMillion,
    int maxToolCalls,
    int timeoutSeconds) {
  static final List<String> PROVIDERS = List.of("openai", "anthropic", "bedrock");

  /** The configured model, or empty when {@code agents.llm.provider} is not set. */
  public static Optional<LlmSettings> from(Settings s) {
    Optional<String> provider = s.string("agents.llm.provider");
    // Read every key so that a typo under agents.llm is still reported by unknownKeys.
    String model = s.string("agents.llm.model").orElse(null);
    String baseUrl = s.string("agents.llm.base-url").orElse(null);
    Secret key = s.secret("agents.llm.api-key").orElse(Secret.of(""));
    double in = s.getDouble("agents.llm.input-usd-per-million", 3);
    double out = s.getDouble("agents.llm.output-usd-per-million", 15);
    int maxCalls = s.getInt("agents.llm.max-tool-calls", 8);
    int timeout = s.getInt("agents.llm.timeout-seconds", 60);
    String region = s.string("agents.llm.region").orElse("us-east-1");
    Secret accessKeyId = s.secret("agents.llm.aws-access-key-id").orElse(null);
    Secret secretAccessKey = s.secret("agents.llm.aws-secret-access-key").orElse(null);
    if (provider.isEmpty() || provider.get().isBlank() || provider.get().equals("none")) {
      return Optional.empty();
    }
    String p = provider.get().trim();
    if (!PROVIDERS.contains(p)) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid agents.llm.provider: '" + p + "' (known: " + PROVIDERS + ", or none)");
    }
    if (model == null || model.isBlank()) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid agents.llm.model: '' (required with agents.llm.provider=" + p + ")");
    }
    if ((accessKeyId == null) != (secretAccessKey == null)) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid agents.llm.aws-access-key-id / agents.llm.aws-secret-access-key: only one is"
              + " set (set both, or neither to use the default AWS credentials chain)");
    }
    return Optional.of(
        new LlmSettings(
            p,
            model,
            baseUrl,
            key,
            region,
            accessKeyId,
            secretAccessKey,
            in,
            out,
            maxCalls,
            timeout));
  }

  /** Cost of tokens, USD. */
  public double costUsd(long tokensIn, long tokensOut) {
    return tokensIn * inputUsdPerMillion / 1e6 + tokensOut * outputUsdPerMillion / 1e6;
  }

  @Override
  public String toString() {
    return "LlmSettings["
        + provider
        + ", "
        + model
        + ", "
        + baseUrl
        + (provider.equals("bedrock") ? ", " + region : "")
        + ", key ******]";
  }
}
