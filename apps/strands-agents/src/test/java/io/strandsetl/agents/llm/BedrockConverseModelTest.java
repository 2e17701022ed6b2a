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
 * {@code agents.llm.provider=bedrock} against a FAKE Bedrock Converse endpoint: a JDK HttpServer on
 * localhost (AWS cannot be reached from here, and Bedrock is a paid service). It checks what the
 * real service would need (path /model/&lt;id&gt;/converse, a SigV4 Authorization header, messages
 * and toolConfig in the JSON body) and answers first with a tool call, then with text.
 */
class BedrockConverseModelTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";
  private HttpServer server;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          paths.add(exchange.getRequestURI().getPath());
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          requests.add(JSON.readTree(exchange.getRequestBody()));
          String body =
              requests.size() == 1
                  ? """
                  {"output":{"message":{"role":"assistant","content":[
                     {"text":"Checking the platform."},
                     {"toolUse":{"toolUseId":"tooluse_1","name":"decision__recommend_platform",
                                 "input":{"inputBytes":1048576}}}]}},
                   "stopReason":"tool_use",
                   "usage":{"inputTokens":900,"outputTokens":40,"totalTokens":940},
                   "metrics":{"latencyMs":12}}
                  """
                  : """
                  {"output":{"message":{"role":"assistant","content":[
                     {"text":"Run it locally: 1 MiB fits one machine."}]}},
                   "stopReason":"end_turn",
                   "usage":{"inputTokens":1400,"outputTokens":15,"totalTokens":1415},
                   "metrics":{"latencyMs":9}}
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
            "agents.llm.provider", "bedrock",
            "agents.llm.model", MODEL,
            "agents.llm.region", "eu-west-1",
            "agents.llm.base-url", "http://127.0.0.1:" + server.getAddress().getPort(),
            "agents.llm.aws-access-key-id", "AKIDFAKEFAKEFAKE",
            "agents.llm.aws-secret-access-key", "fake-secret-never-printed",
            "agents.llm.input-usd-per-million", "0.8",
            "agents.llm.output-usd-per-million", "4"));
  }

  @Test
  void answersThroughConverseToolUseAndRecordsTokensAndCost() {
    Settings settings = settings();
    InvocationLog log = new InvocationLog("ask-bedrock-test");
    try (AgentTeam team =
            AgentTeam.of(settings, new InMemoryTrackingStore(), null, (s, o) -> null);
        AgentInvoker invoker = team.invoker(log)) {
      ToolCallingModel.Answer answer =
          LanguageModels.require(settings).converse("Where should a 1 MiB job run?", team, invoker);

      assertThat(answer.text()).isEqualTo("Run it locally: 1 MiB fits one machine.");
      assertThat(answer.toolCalls()).isEqualTo(1);
      assertThat(answer.tokensIn()).isEqualTo(900 + 1400);
      assertThat(answer.tokensOut()).isEqualTo(40 + 15);
      assertThat(answer.costUsd()).isCloseTo(2300 * 0.8e-6 + 55 * 4e-6, within(1e-12));
    }
    List<AgentInvocation> calls = log.invocations();
    assertThat(calls)
        .extracting(c -> c.agent() + "." + c.tool())
        .containsExactlyInAnyOrder(
            "supervisor.llm_chat", "decision.recommend_platform", "supervisor.llm_chat");
    assertThat(calls.stream().mapToLong(AgentInvocation::tokensOut).sum()).isEqualTo(55);

    // What real Bedrock needs: the Converse path of the model, a SigV4 signature for the region.
    assertThat(paths).containsOnly("/model/" + MODEL + "/converse");
    assertThat(authorizations)
        .allSatisfy(
            a ->
                assertThat(a)
                    .startsWith("AWS4-HMAC-SHA256 Credential=AKIDFAKEFAKEFAKE/")
                    .contains("/eu-west-1/bedrock/aws4_request")
                    .contains("Signature="));
    JsonNode first = requests.get(0);
    assertThat(first.path("system").toString()).contains("Strands");
    assertThat(first.path("messages").get(0).path("role").asText()).isEqualTo("user");
    assertThat(first.path("messages").toString()).contains("Where should a 1 MiB job run?");
    assertThat(first.path("toolConfig").path("tools").toString())
        .contains("decision__recommend_platform")
        .contains("inputBytes")
        .doesNotContain("supervisor__run_pipeline")
        .doesNotContain("compliance__erase_subject");
    // The second call replays the tool use and carries its result in a user turn.
    JsonNode second = requests.get(1).path("messages");
    assertThat(second).hasSize(3);
    assertThat(second.get(1).path("role").asText()).isEqualTo("assistant");
    assertThat(second.get(1).toString()).contains("\"toolUseId\":\"tooluse_1\"");
    assertThat(second.get(1).toString()).contains("\"inputBytes\":1048576");
    assertThat(second.get(2).path("role").asText()).isEqualTo("user");
    assertThat(second.get(2).path("content").get(0).path("toolResult").toString())
        .contains("tooluse_1")
        .contains("on this machine");
  }

  @Test
  void aRejectedCallIsOneLineAndRecordedAsFailed() {
    server.removeContext("/");
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] bytes =
              "{\"message\":\"You don't have access to the model with the specified model ID.\"}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.getResponseHeaders().add("x-amzn-ErrorType", "AccessDeniedException");
          exchange.sendResponseHeaders(403, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    Settings settings = settings();
    InvocationLog log = new InvocationLog("ask-bedrock-denied");
    try (AgentTeam team =
            AgentTeam.of(settings, new InMemoryTrackingStore(), null, (s, o) -> null);
        AgentInvoker invoker = team.invoker(log)) {
      assertThatThrownBy(
              () -> LanguageModels.require(settings).converse("Anything?", team, invoker))
          .hasMessageStartingWith("Cannot reach the language model (bedrock " + MODEL + "): ")
          .hasMessageContaining("You don't have access to the model")
          .hasMessageNotContaining("\n");
    }
    assertThat(log.invocations())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.agent() + "." + c.tool()).isEqualTo("supervisor.llm_chat");
              assertThat(c.success()).isFalse();
              assertThat(c.error()).contains("You don't have access to the model");
            });
  }

  @Test
  void neverPrintsTheSecretKeyAndWantsBothKeysOrNeither() {
    LlmSettings s = LlmSettings.from(settings()).orElseThrow();
    assertThat(s.toString()).contains("bedrock").contains("eu-west-1");
    assertThat(s.toString() + s.awsSecretAccessKey()).doesNotContain("fake-secret-never-printed");
    assertThatThrownBy(
            () ->
                LlmSettings.from(
                    Settings.of(
                        Map.of(
                            "agents.llm.provider", "bedrock",
                            "agents.llm.model", MODEL,
                            "agents.llm.aws-access-key-id", "AKIDFAKEFAKEFAKE"))))
        .hasMessageStartingWith(
            "Invalid agents.llm.aws-access-key-id / agents.llm.aws-secret-access-key: only one is"
                + " set");
  }
}
