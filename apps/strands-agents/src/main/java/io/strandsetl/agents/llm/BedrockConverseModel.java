package io.strandsetl.agents.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.strandsetl.agents.runtime.Json;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification.Builder;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * Amazon Bedrock's Converse API (AWS SDK v2, SigV4-signed) as a LangChain4j {@link ChatModel}, so
 * {@link ToolCallingModel} drives it like the other providers. langchain4j-bedrock is not used: the
 * build's repository does not serve it. The SDK's retries are off (one call per model turn, the
 * invocation records its failure).
 */
final class BedrockConverseModel implements ChatModel {
  private final BedrockRuntimeClient client;
  private final String modelId;

  BedrockConverseModel(LlmSettings s) {
    AwsCredentialsProvider credentials =
        s.awsAccessKeyId() == null
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    s.awsAccessKeyId().reveal(), s.awsSecretAccessKey().reveal()));
    Duration timeout = Duration.ofSeconds(s.timeoutSeconds());
    BedrockRuntimeClientBuilder b =
        BedrockRuntimeClient.builder()
            .region(Region.of(s.region()))
            .credentialsProvider(credentials)
            .httpClientBuilder(
                UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout))
            .overrideConfiguration(
                c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(timeout));
    if (s.baseUrl() != null) {
      try {
        b.endpointOverride(URI.create(s.baseUrl()));
      } catch (IllegalArgumentException e) {
        throw new StrandsException(
            ErrorCode.INVALID_CONFIG,
            "Invalid agents.llm.base-url: '" + s.baseUrl() + "' (" + e.getMessage() + ")");
      }
    }
    this.client = b.build();
    this.modelId = s.model();
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    List<SystemContentBlock> system = new ArrayList<>();
    List<Message> messages = new ArrayList<>();
    List<ContentBlock> pendingResults = new ArrayList<>();
    for (ChatMessage m : request.messages()) {
      if (m instanceof ToolExecutionResultMessage r) {
        // Converse wants all results of one assistant turn in a single user message.
        pendingResults.add(
            ContentBlock.fromToolResult(
                ToolResultBlock.builder()
                    .toolUseId(r.id())
                    .content(ToolResultContentBlock.fromText(r.text()))
                    .build()));
        continue;
      }
      flushResults(pendingResults, messages);
      if (m instanceof SystemMessage sm) {
        system.add(SystemContentBlock.fromText(sm.text()));
      } else if (m instanceof UserMessage um) {
        messages.add(
            message(ConversationRole.USER, List.of(ContentBlock.fromText(um.singleText()))));
      } else if (m instanceof AiMessage ai) {
        List<ContentBlock> content = new ArrayList<>();
        if (ai.text() != null && !ai.text().isBlank()) {
          content.add(ContentBlock.fromText(ai.text()));
        }
        for (ToolExecutionRequest t : ai.toolExecutionRequests()) {
          content.add(
              ContentBlock.fromToolUse(
                  ToolUseBlock.builder()
                      .toolUseId(t.id())
                      .name(t.name())
                      .input(document(arguments(t.arguments())))
                      .build()));
        }
        messages.add(message(ConversationRole.ASSISTANT, content));
      } else {
        throw new StrandsException(
            ErrorCode.INVALID_ARGUMENT,
            "Invalid chat message for Bedrock: " + m.type() + " (not supported)");
      }
    }
    flushResults(pendingResults, messages);
    ConverseRequest.Builder converse =
        ConverseRequest.builder().modelId(modelId).system(system).messages(messages);
    List<ToolSpecification> specs = request.toolSpecifications();
    if (specs != null && !specs.isEmpty()) {
      List<Tool> tools = new ArrayList<>();
      for (ToolSpecification spec : specs) {
        Builder tb =
            software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification.builder();
        tools.add(
            Tool.fromToolSpec(
                tb.name(spec.name())
                    .description(spec.description())
                    .inputSchema(ToolInputSchema.fromJson(document(schema(spec.parameters()))))
                    .build()));
      }
      converse.toolConfig(ToolConfiguration.builder().tools(tools).build());
    }
    ConverseResponse response = client.converse(converse.build());
    StringBuilder text = new StringBuilder();
    List<ToolExecutionRequest> calls = new ArrayList<>();
    for (ContentBlock c : response.output().message().content()) {
      if (c.text() != null) {
        text.append(c.text());
      } else if (c.toolUse() != null) {
        calls.add(
            ToolExecutionRequest.builder()
                .id(c.toolUse().toolUseId())
                .name(c.toolUse().name())
                .arguments(json(c.toolUse().input()).toString())
                .build());
      }
    }
    AiMessage ai =
        calls.isEmpty()
            ? AiMessage.from(text.toString())
            : text.isEmpty() ? AiMessage.from(calls) : AiMessage.from(text.toString(), calls);
    TokenUsage usage =
        response.usage() == null
            ? null
            : new TokenUsage(response.usage().inputTokens(), response.usage().outputTokens());
    return ChatResponse.builder().aiMessage(ai).tokenUsage(usage).modelName(modelId).build();
  }

  private static void flushResults(List<ContentBlock> results, List<Message> messages) {
    if (!results.isEmpty()) {
      messages.add(message(ConversationRole.USER, List.copyOf(results)));
      results.clear();
    }
  }

  private static Message message(ConversationRole role, List<ContentBlock> content) {
    return Message.builder().role(role).content(content).build();
  }

  private static JsonNode arguments(String arguments) {
    try {
      return arguments == null || arguments.isBlank()
          ? JsonNodeFactory.instance.objectNode()
          : Json.mapper().readTree(arguments);
    } catch (Exception e) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid tool arguments: '" + arguments + "' (not JSON)");
    }
  }

  /** A tool's parameters as JSON schema; an absent schema is an empty object. */
  private static JsonNode schema(JsonObjectSchema parameters) {
    if (parameters == null) {
      return JsonNodeFactory.instance.objectNode().put("type", "object");
    }
    Map<String, Object> map = JsonSchemaElementUtils.toMap(parameters);
    return Json.mapper().valueToTree(map);
  }

  static Document document(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return Document.fromNull();
    }
    if (n.isObject()) {
      Map<String, Document> map = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        map.put(e.getKey(), document(e.getValue()));
      }
      return Document.fromMap(map);
    }
    if (n.isArray()) {
      List<Document> list = new ArrayList<>();
      n.forEach(v -> list.add(document(v)));
      return Document.fromList(list);
    }
    if (n.isBoolean()) {
      return Document.fromBoolean(n.booleanValue());
    }
    if (n.isIntegralNumber()) {
      return Document.fromNumber(n.bigIntegerValue().toString());
    }
    if (n.isNumber()) {
      return Document.fromNumber(n.decimalValue());
    }
    return Document.fromString(n.asText());
  }

  static JsonNode json(Document d) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (d == null || d.isNull()) {
      return f.nullNode();
    }
    if (d.isMap()) {
      ObjectNode o = f.objectNode();
      d.asMap().forEach((k, v) -> o.set(k, json(v)));
      return o;
    }
    if (d.isList()) {
      ArrayNode a = f.arrayNode();
      d.asList().forEach(v -> a.add(json(v)));
      return a;
    }
    if (d.isBoolean()) {
      return f.booleanNode(d.asBoolean());
    }
    if (d.isNumber()) {
      BigDecimal v = d.asNumber().bigDecimalValue();
      return v.scale() <= 0 || v.stripTrailingZeros().scale() <= 0
          ? f.numberNode(v.toBigIntegerExact())
          : f.numberNode(v);
    }
    return f.textNode(d.asString());
  }
}
