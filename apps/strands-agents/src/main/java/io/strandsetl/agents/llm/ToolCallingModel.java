package io.strandsetl.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.strandsetl.agents.runtime.Agent;
import io.strandsetl.agents.runtime.AgentInvoker;
import io.strandsetl.agents.runtime.InvocationLog;
import io.strandsetl.agents.runtime.Json;
import io.strandsetl.agents.runtime.Tool;
import io.strandsetl.agents.supervisor.AgentTeam;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A language model that answers through the agents' tools (LangChain4j tool calling) and narrates
 * runs. Every model call is recorded as an invocation of {@code supervisor.llm_chat} with its
 * tokens and their cost; every tool call as the tool's own invocation. Tools that change data or
 * start runs ({@link #NOT_OFFERED}) are not offered to the model.
 */
public final class ToolCallingModel {
  /** Tools a question must not trigger: they run pipelines or rewrite data. */
  static final Set<String> NOT_OFFERED =
      Set.of("supervisor.run_pipeline", "compliance.erase_subject", "compliance.mask_columns");

  static final String SYSTEM =
      "You answer questions about Apache Spark ETL runs tracked by Strands. Use the tools to get"
          + " facts; never invent numbers. State units (bytes, ms, USD). Be brief.";

  private final LlmSettings settings;
  private ChatModel model;

  ToolCallingModel(LlmSettings settings) {
    this.settings = settings;
  }

  /** An answer and what it cost. */
  public record Answer(String text, int toolCalls, long tokensIn, long tokensOut, double costUsd) {
    public String usageLine() {
      return String.format(
          Locale.ROOT,
          "%d tool call(s); %d tokens in, %d out ($%.5f)",
          toolCalls,
          tokensIn,
          tokensOut,
          costUsd);
    }
  }

  private synchronized ChatModel model() {
    if (model == null) {
      model =
          switch (settings.provider()) {
            case "openai" ->
                OpenAiChatModel.builder()
                    .baseUrl(settings.baseUrl())
                    .apiKey(settings.apiKey().reveal())
                    .modelName(settings.model())
                    .timeout(Duration.ofSeconds(settings.timeoutSeconds()))
                    .maxRetries(1)
                    .build();
            case "anthropic" -> AnthropicModels.create(settings);
            case "bedrock" -> new BedrockConverseModel(settings);
            default ->
                throw new StrandsException(
                    ErrorCode.INVALID_CONFIG,
                    "Invalid agents.llm.provider: '" + settings.provider() + "'");
          };
    }
    return model;
  }

  /** Answers {@code question} through the team's tools. */
  public Answer ask(String question, AgentTeam team) {
    InvocationLog log = new InvocationLog("ask");
    try (AgentInvoker invoker = team.invoker(log)) {
      return converse(question, team, invoker);
    }
  }

  /**
   * Answers with tool calls recorded by {@code invoker}.
   *
   * @throws StrandsException EXTERNAL when the model cannot be reached
   */
  public Answer converse(String question, AgentTeam team, AgentInvoker invoker) {
    Map<String, String[]> byName = new LinkedHashMap<>();
    List<ToolSpecification> specs = new ArrayList<>();
    for (Agent a : team.registry().agents()) {
      for (Tool<?, ?> t : a.tools()) {
        if (NOT_OFFERED.contains(a.name() + "." + t.name())) {
          continue;
        }
        String name = a.name() + "__" + t.name();
        byName.put(name, new String[] {a.name(), t.name()});
        specs.add(
            ToolSpecification.builder()
                .name(name)
                .description(a.purpose() + " Tool: " + t.description())
                .parameters((JsonObjectSchema) element(t.inputSchema()))
                .build());
      }
    }
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(SYSTEM));
    messages.add(UserMessage.from(question));
    long in = 0;
    long out = 0;
    int calls = 0;
    for (int turn = 0; turn <= settings.maxToolCalls(); turn++) {
      ChatResponse response =
          chat(invoker, ChatRequest.builder().messages(messages).toolSpecifications(specs).build());
      in += tokens(response, true);
      out += tokens(response, false);
      AiMessage ai = response.aiMessage();
      if (!ai.hasToolExecutionRequests()) {
        return new Answer(
            ai.text() == null ? "" : ai.text(), calls, in, out, settings.costUsd(in, out));
      }
      messages.add(ai);
      for (ToolExecutionRequest r : ai.toolExecutionRequests()) {
        calls++;
        String result;
        String[] target = byName.get(r.name());
        if (target == null) {
          result = "{\"error\":\"unknown tool " + r.name() + "\"}";
        } else {
          try {
            JsonNode args =
                r.arguments() == null || r.arguments().isBlank()
                    ? null
                    : Json.mapper().readTree(r.arguments());
            result = invoker.callJson(target[0], target[1], args).toString();
          } catch (Exception e) {
            // The model sees the error and may correct its call; the invocation is recorded.
            result =
                Json.mapper()
                    .createObjectNode()
                    .put("error", String.valueOf(e.getMessage()))
                    .toString();
          }
        }
        messages.add(ToolExecutionResultMessage.from(r, result));
      }
    }
    return new Answer(
        "(stopped after " + settings.maxToolCalls() + " rounds of tool calls; ask more narrowly)",
        calls,
        in,
        out,
        settings.costUsd(in, out));
  }

  /** A short narrative of a run from the agents' report text (no tools). */
  public Answer narrate(String agentsReport, AgentInvoker invoker) {
    ChatRequest request =
        ChatRequest.builder()
            .messages(
                SystemMessage.from(
                    "Summarise this Spark ETL run for its owner in at most five sentences: what"
                        + " happened, what it cost, what to fix first. Use only the facts given."),
                UserMessage.from(agentsReport))
            .build();
    ChatResponse r = chat(invoker, request);
    long in = tokens(r, true);
    long out = tokens(r, false);
    return new Answer(r.aiMessage().text(), 0, in, out, settings.costUsd(in, out));
  }

  private ChatResponse chat(AgentInvoker invoker, ChatRequest request) {
    Instant at = Instant.now();
    long t0 = System.nanoTime();
    try {
      ChatResponse r = model().chat(request);
      long in = tokens(r, true);
      long out = tokens(r, false);
      invoker.record(
          "supervisor",
          "llm_chat",
          at,
          (System.nanoTime() - t0) / 1_000_000,
          "",
          in,
          out,
          settings.costUsd(in, out));
      return r;
    } catch (RuntimeException e) {
      invoker.record(
          "supervisor", "llm_chat", at, (System.nanoTime() - t0) / 1_000_000, oneLine(e), 0, 0, 0);
      if (e instanceof StrandsException se) {
        throw se;
      }
      throw new StrandsException(
          ErrorCode.IO_ERROR,
          "Cannot reach the language model ("
              + settings.provider()
              + " "
              + settings.model()
              + "): "
              + oneLine(e),
          e);
    }
  }

  private static long tokens(ChatResponse r, boolean input) {
    if (r.tokenUsage() == null) {
      return 0;
    }
    Integer n = input ? r.tokenUsage().inputTokenCount() : r.tokenUsage().outputTokenCount();
    return n == null ? 0 : n;
  }

  private static String oneLine(Throwable t) {
    String m = String.valueOf(t.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** Our JSON schema (see JsonSchemas) as LangChain4j's schema elements. */
  static JsonSchemaElement element(JsonNode s) {
    String description = s.has("description") ? s.get("description").asText() : null;
    String type = s.path("type").asText("");
    switch (type) {
      case "object" -> {
        JsonObjectSchema.Builder b = JsonObjectSchema.builder().description(description);
        Map<String, JsonSchemaElement> props = new LinkedHashMap<>();
        s.path("properties")
            .properties()
            .forEach(e -> props.put(e.getKey(), element(e.getValue())));
        b.addProperties(props);
        List<String> required = new ArrayList<>();
        s.path("required").forEach(r -> required.add(r.asText()));
        if (!required.isEmpty()) {
          b.required(required);
        }
        return b.build();
      }
      case "array" -> {
        return JsonArraySchema.builder()
            .description(description)
            .items(element(s.path("items")))
            .build();
      }
      case "string" -> {
        if (s.has("enum")) {
          List<String> values = new ArrayList<>();
          s.get("enum").forEach(v -> values.add(v.asText()));
          return JsonEnumSchema.builder().description(description).enumValues(values).build();
        }
        return JsonStringSchema.builder().description(description).build();
      }
      case "integer" -> {
        return JsonIntegerSchema.builder().description(description).build();
      }
      case "number" -> {
        return JsonNumberSchema.builder().description(description).build();
      }
      case "boolean" -> {
        return JsonBooleanSchema.builder().description(description).build();
      }
      default -> {
        return JsonObjectSchema.builder().description(description).build(); // any JSON value
      }
    }
  }
}
