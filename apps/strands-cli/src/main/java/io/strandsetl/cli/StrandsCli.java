package io.strandsetl.cli;

import io.strandsetl.model.ErrorKind;
import io.strandsetl.model.StrandsException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code strands} command. Exit codes: 0 done, 1 run failed or internal error, 2 user error.
 */
@Command(
    name = "strands",
    mixinStandardHelpOptions = true,
    versionProvider = StrandsCli.Version.class,
    description =
        "Runs and watches Apache Spark ETL jobs: metrics, findings with fixes, cost, quality, compliance.",
    subcommands = {
      AgentsCommand.class,
      AnalyzeCommand.class,
      AskCommand.class,
      AuditCommand.class,
      DemoCommand.class,
      EraseCommand.class,
      GenerateCommand.class,
      HistoryCommand.class,
      IssuesCommand.class,
      LintCommand.class,
      NotifyCommand.class,
      RunCommand.class,
      ServeCommand.class,
      ShowCommand.class,
      StoreCommand.class,
      CommandLine.HelpCommand.class
    })
public final class StrandsCli {

  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns the exit code (no System.exit: tests call this). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new StrandsCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          boolean debug = System.getenv("STRANDS_DEBUG") != null;
          if (ex instanceof StrandsException se) {
            err.println("strands: " + se.getMessage());
            if (debug || se.kind() == ErrorKind.INTERNAL) {
              ex.printStackTrace(err);
            }
            return se.kind().exitCode();
          }
          err.println(
              "strands: internal error: "
                  + ex
                  + (debug
                      ? ""
                      : " (set STRANDS_DEBUG=1 for the stack trace, and please report it)"));
          if (debug) {
            ex.printStackTrace(err);
          }
          return ErrorKind.INTERNAL.exitCode();
        });
    cli.setParameterExceptionHandler(
        (ex, parameterArgs) -> {
          err.println(
              "strands: "
                  + ex.getMessage()
                  + " (see 'strands "
                  + ex.getCommandLine().getCommandName()
                  + " --help')");
          return ErrorKind.USER.exitCode();
        });
    return cli.execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = StrandsCli.class.getPackage().getImplementationVersion();
      return new String[] {"strands " + (v == null ? "dev" : v)};
    }
  }
}
