package io.strandsetl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code strands audit}: the compliance audit trail. A parent command: each action is a subcommand,
 * so adding one (e.g. {@code report}) is one entry in {@code subcommands}.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    subcommands = {AuditVerifyCommand.class, AuditReportCommand.class},
    description = {"The tamper-evident audit trail of the tracking store (docs/store.md)."})
final class AuditCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println("strands: audit needs a subcommand (see 'strands audit --help')");
    return 2;
  }
}
