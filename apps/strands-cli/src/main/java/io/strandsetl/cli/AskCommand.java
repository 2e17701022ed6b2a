package io.strandsetl.cli;

import io.strandsetl.agents.llm.LanguageModels;
import io.strandsetl.agents.supervisor.AgentTeam;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strands ask "…"}: a configured language model answers through the agents' tools. Without
 * {@code agents.llm.provider} it says how to configure one (exit 2); nothing else depends on it.
 */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = {
      "Answers a question about your runs through the agents' tools, with a configured language",
      "model (agents.llm.provider, see docs/agents.md). Off by default; tokens and cost are shown."
    })
final class AskCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin AgentsCommand.SettingsOptions options = new AgentsCommand.SettingsOptions();

  @Parameters(paramLabel = "QUESTION", arity = "1..*", description = "The question.")
  java.util.List<String> question;

  @Override
  public Integer call() {
    var settings = options.settings();
    try (AgentTeam team = AgentTeam.open(settings, Clock.systemUTC())) {
      var answer = LanguageModels.require(settings).ask(String.join(" ", question), team);
      spec.commandLine().getOut().println(answer.text());
      spec.commandLine().getErr().println("strands: " + answer.usageLine());
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
