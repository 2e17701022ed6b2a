package io.strandsetl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strandsetl.agents.runtime.Agent;
import io.strandsetl.agents.runtime.AgentInvoker;
import io.strandsetl.agents.runtime.InvocationLog;
import io.strandsetl.agents.runtime.Json;
import io.strandsetl.agents.runtime.Tool;
import io.strandsetl.agents.schema.OpenApiDocument;
import io.strandsetl.agents.supervisor.AgentTeam;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strands agents list|openapi|call}: the agents' tools from the terminal. */
@Command(
    name = "agents",
    mixinStandardHelpOptions = true,
    description = {
      "The seven agents and their typed tools (docs/agents.md): list them, print the OpenAPI 3.1",
      "document of every tool, or call one tool with a JSON input."
    },
    subcommands = {
      AgentsCommand.ListTools.class,
      AgentsCommand.OpenApi.class,
      AgentsCommand.Call.class
    })
final class AgentsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    throw new StrandsException(
        ErrorCode.INVALID_ARGUMENT,
        "Invalid command: 'strands agents' needs a subcommand (list, openapi, call)");
  }

  /** Settings of the agents' commands: {@code --config}, {@code --set}. */
  static class SettingsOptions {
    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "A properties file of settings (agents.*, store.*, cost.*).")
    Path config;

    @Option(
        names = "--set",
        paramLabel = "KEY=VALUE",
        description = "Override one setting, e.g. --set agents.decision.local-cores=8.")
    List<String> overrides = List.of();

    Settings settings() {
      return StoreOptions.load(config, overrides);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists agents and tools.")
  static final class ListTools implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @picocli.CommandLine.Mixin SettingsOptions options = new SettingsOptions();

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Override
    public Integer call() throws JsonProcessingException {
      PrintWriter out = spec.commandLine().getOut();
      try (AgentTeam team = AgentTeam.open(options.settings(), Clock.systemUTC())) {
        if (format.equals("json")) {
          ArrayNode agents = Json.mapper().createArrayNode();
          for (Agent a : team.registry().agents()) {
            ObjectNode node = agents.addObject().put("name", a.name()).put("purpose", a.purpose());
            ArrayNode tools = node.putArray("tools");
            for (Tool<?, ?> t : a.tools()) {
              ObjectNode tool = tools.addObject();
              tool.put("name", t.name()).put("description", t.description());
              tool.set("input", t.inputSchema());
              tool.set("output", t.outputSchema());
            }
          }
          out.println(Json.mapper().writeValueAsString(agents));
        } else if (format.equals("text")) {
          for (Agent a : team.registry().agents()) {
            out.println(a.name() + " — " + a.purpose());
            for (Tool<?, ?> t : a.tools()) {
              out.println("  " + t.name() + "(" + fields(t.inputSchema()) + ")");
              out.println("      " + t.description());
            }
          }
        } else {
          throw new StrandsException(
              ErrorCode.INVALID_ARGUMENT, "Invalid --format: '" + format + "' (text or json)");
        }
      }
      out.flush();
      return 0;
    }

    static String fields(JsonNode schema) {
      StringBuilder b = new StringBuilder();
      java.util.Set<String> required = new java.util.HashSet<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      schema
          .path("properties")
          .properties()
          .forEach(
              e -> {
                if (b.length() > 0) {
                  b.append(", ");
                }
                JsonNode p = e.getValue();
                String type = p.has("type") ? p.get("type").asText() : "any";
                b.append(e.getKey()).append(required.contains(e.getKey()) ? "" : "?").append(": ");
                b.append(type);
                if (p.has("x-unit")) {
                  b.append(" [").append(p.get("x-unit").asText()).append(']');
                }
              });
      return b.toString();
    }
  }

  @Command(
      name = "openapi",
      mixinStandardHelpOptions = true,
      description = "Prints (or writes) the OpenAPI 3.1 document of every tool.")
  static final class OpenApi implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @picocli.CommandLine.Mixin SettingsOptions options = new SettingsOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "Write it here (atomically).")
    Path out;

    @Override
    public Integer call() throws JsonProcessingException {
      String version = StrandsCli.class.getPackage().getImplementationVersion();
      try (AgentTeam team = AgentTeam.open(options.settings(), Clock.systemUTC())) {
        String doc =
            Json.mapper()
                    .writeValueAsString(
                        OpenApiDocument.of(team.registry(), version == null ? "dev" : version))
                + "\n";
        if (out == null) {
          spec.commandLine().getOut().print(doc);
          spec.commandLine().getOut().flush();
        } else {
          OutputFiles.writeAtomically(out, doc);
          spec.commandLine().getErr().println("strands: wrote " + out);
        }
      }
      return 0;
    }
  }

  @Command(
      name = "call",
      mixinStandardHelpOptions = true,
      description = {
        "Calls one tool with a JSON input and prints its JSON output, e.g.",
        "  strands agents call decision recommend_platform --json '{\"inputBytes\": 1073741824}'"
      })
  static final class Call implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @picocli.CommandLine.Mixin SettingsOptions options = new SettingsOptions();

    @Parameters(index = "0", paramLabel = "AGENT")
    String agent;

    @Parameters(index = "1", paramLabel = "TOOL")
    String tool;

    @Option(names = "--json", paramLabel = "JSON", defaultValue = "{}", description = "The input.")
    String json;

    @Override
    public Integer call() throws JsonProcessingException {
      JsonNode input;
      try {
        input = Json.mapper().readTree(json);
      } catch (JsonProcessingException e) {
        throw new StrandsException(
            ErrorCode.INVALID_ARGUMENT,
            "Invalid --json: " + e.getOriginalMessage() + " (give one JSON object, e.g. '{}')");
      }
      try (AgentTeam team = AgentTeam.open(options.settings(), Clock.systemUTC());
          AgentInvoker invoker = team.invoker(new InvocationLog("cli"))) {
        JsonNode result = invoker.withTimeout(agent, () -> invoker.callJson(agent, tool, input));
        spec.commandLine().getOut().println(Json.mapper().writeValueAsString(result));
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }
}
