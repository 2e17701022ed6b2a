package io.strandsetl.agents.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.strandsetl.agents.runtime.AgentInvoker;
import io.strandsetl.agents.runtime.InvocationLog;
import io.strandsetl.agents.supervisor.AgentTeam;
import io.strandsetl.engine.store.InMemoryTrackingStore;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.AgentInvocation;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The optional language model against a FAKE OpenAI-compatible endpoint: a JDK HttpServer on
 * localhost that answers /v1/chat/completions first with a tool call, then with text. No real
 * provider is contacted (they are paid external services).
 */
class ToolCallingModelTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private HttpServer server;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          JsonNode request = JSON.readTree(exchange.getRequestBody());
          requests.add(request);
          String body =
              requests.size() == 1
                  ? """
                  {"id":"c1","object":"chat.completion","created":1,"model":"fake",
                   "choices":[{"index":0,"finish_reason":"tool_calls","message":{"role":"assistant",
                     "content":null,"tool_calls":[{"id":"call_1","type":"function","function":
                     {"name":"decision__recommend_platform","arguments":"{\\"inputBytes\\":1048576}"}}]}}],
                   "usage":{"prompt_tokens":1000,"completion_tokens":20,"total_tokens":1020}}
                  """
                  : """
                  {"id":"c2","object":"chat.completion","created":2,"model":"fake",
                   "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant",
                     "content":"Run it locally: 1 MiB fits one machine."}}],
                   "usage":{"prompt_tokens":1500,"completion_tokens":12,"total_tokens":1512}}
                  """;
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Settings settings() {
    return Settings.of(
        Map.of(
            "agents.llm.provider", "openai",
            "agents.llm.model", "fake-model",
            "agents.llm.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
            "agents.llm.api-key", "test-key",
            "agents.llm.input-usd-per-million", "3",
            "agents.llm.output-usd-per-million", "15"));
  }

  @Test
  void answersThroughTheToolsAndRecordsTokensAndCost() {
    Settings settings = settings();
    InvocationLog log = new InvocationLog("ask-test");
    try (AgentTeam team =
            AgentTeam.of(settings, new InMemoryTrackingStore(), null, (s, o) -> null);
        AgentInvoker invoker = team.invoker(log)) {
      ToolCallingModel.Answer answer =
          LanguageModels.require(settings).converse("Where should a 1 MiB job run?", team, invoker);

      assertThat(answer.text()).isEqualTo("Run it locally: 1 MiB fits one machine.");
      assertThat(answer.toolCalls()).isEqualTo(1);
      assertThat(answer.tokensIn()).isEqualTo(2500);
      assertThat(answer.tokensOut()).isEqualTo(32);
      assertThat(answer.costUsd()).isCloseTo(2500 * 3e-6 + 32 * 15e-6, within(1e-12));
    }
    List<AgentInvocation> calls = log.invocations();
    assertThat(calls)
        .extracting(c -> c.agent() + "." + c.tool())
        .containsExactlyInAnyOrder(
            "supervisor.llm_chat", "decision.recommend_platform", "supervisor.llm_chat");
    assertThat(calls.stream().mapToLong(AgentInvocation::tokensIn).sum()).isEqualTo(2500);
    // The model was offered the tools with their schemas and got the tool's result back.
    JsonNode first = requests.get(0);
    assertThat(first.path("tools").toString())
        .contains("decision__recommend_platform")
        .contains("inputBytes")
        .doesNotContain("supervisor__run_pipeline")
        .doesNotContain("compliance__erase_subject");
    assertThat(requests.get(1).path("messages").toString())
        .contains("recommend_platform")
        .contains("on this machine");
  }

  @Test
  void isOffByDefaultAndSaysHowToTurnItOn() {
    assertThat(LanguageModels.configured(Settings.empty())).isEmpty();
    assertThatThrownBy(() -> LanguageModels.require(Settings.empty()))
        .hasMessageStartingWith(
            "Cannot answer: no language model is configured (set agents.llm.provider");
    assertThatThrownBy(
            () -> LanguageModels.configured(Settings.of(Map.of("agents.llm.provider", "gpt"))))
        .hasMessage(
            "Invalid agents.llm.provider: 'gpt' (known: [openai, anthropic, bedrock], or none)");
    assertThat(LlmSettings.from(settings()).orElseThrow().toString()).doesNotContain("test-key");
  }
}
