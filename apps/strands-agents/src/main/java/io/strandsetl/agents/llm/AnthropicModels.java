package io.strandsetl.agents.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Duration;

/** Anthropic's models through LangChain4j (the API also serves Claude on Bedrock's pricing). */
final class AnthropicModels {
  private AnthropicModels() {}

  static ChatModel create(LlmSettings s) {
    AnthropicChatModel.AnthropicChatModelBuilder b =
        AnthropicChatModel.builder()
            .apiKey(s.apiKey().reveal())
            .modelName(s.model())
            .timeout(Duration.ofSeconds(s.timeoutSeconds()))
            .maxRetries(1);
    if (s.baseUrl() != null) {
      b.baseUrl(s.baseUrl());
    }
    return b.build();
  }
}
