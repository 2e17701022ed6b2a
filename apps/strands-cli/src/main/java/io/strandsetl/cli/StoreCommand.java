package io.strandsetl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code strands store}: the tracking store itself (where it is, what it holds, retention). */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    subcommands = {StoreInfoCommand.class, StorePurgeCommand.class},
    description = {
      "The tracking store: 'info' (where, schema, rows, size) and 'purge' (retention)."
    })
final class StoreCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println("strands: store needs a subcommand (see 'strands store --help')");
    return 2;
  }
}
