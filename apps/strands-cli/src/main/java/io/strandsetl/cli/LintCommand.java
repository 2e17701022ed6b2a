package io.strandsetl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.strandsetl.engine.report.JsonReportRenderer;
import io.strandsetl.lint.LintOptions;
import io.strandsetl.lint.LintReport;
import io.strandsetl.lint.LintService;
import io.strandsetl.lint.TextLintRenderer;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.finding.Severity;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code strands lint}: a thin adapter over {@link LintService}. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Checks SQL (.sql) and PySpark / Scala (.py, .scala) source, without running it,",
      "for the anti-patterns 'strands analyze' finds at run time: select-star,",
      "cartesian-join, unpartitioned-window, repeated-computation, missing-broadcast,",
      "collect-to-driver, non-sargable-predicate (see docs/lint.md).",
      "Exit 0 when linted (findings or not), 1 with --fail-on when a finding is that",
      "severe, 2 for a user error (missing file, unsupported extension)."
    })
final class LintCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = ".sql, .py or .scala files, or directories holding them.")
  List<Path> files;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the report here (atomically) instead of standard output.")
  Path out;

  @Option(
      names = "--small-table",
      split = ",",
      paramLabel = "NAME",
      description =
          "A table small enough to broadcast (repeat or comma separate); a file can also declare"
              + " them in a comment: strands: small-table NAME[, NAME…].")
  List<String> smallTables = List.of();

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description =
          "Exit 1 when a finding is at least this severe: critical, high, medium or low (for CI).")
  String failOn;

  @Override
  public Integer call() {
    boolean json = parseFormat(format);
    Severity threshold = failOn == null ? null : parseSeverity(failOn);
    LintOptions options;
    try {
      options = new LintOptions(new LinkedHashSet<>(smallTables));
    } catch (IllegalArgumentException e) {
      throw new StrandsException(ErrorCode.INVALID_ARGUMENT, e.getMessage());
    }
    LintReport report = new LintService(options).lint(files);
    String document = json ? json(report) : new TextLintRenderer().render(report);
    if (out == null) {
      spec.commandLine().getOut().print(document);
      spec.commandLine().getOut().flush();
    } else {
      OutputFiles.writeAtomically(out, document);
      spec.commandLine().getErr().println("strands: wrote " + out);
    }
    if (threshold != null) {
      long severe =
          report.findings().stream().filter(f -> f.severity().compareTo(threshold) <= 0).count();
      if (severe > 0) {
        spec.commandLine()
            .getErr()
            .println(
                "strands: "
                    + severe
                    + " finding(s) at "
                    + threshold.name().toLowerCase(Locale.ROOT)
                    + " or above");
        return 1;
      }
    }
    return 0;
  }

  private static boolean parseFormat(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "text" -> false;
      case "json" -> true;
      default ->
          throw new StrandsException(
              ErrorCode.INVALID_ARGUMENT, "Invalid format: '" + value + "' (known: text, json)");
    };
  }

  private static Severity parseSeverity(String value) {
    try {
      return Severity.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid severity: '" + value + "' (known: critical, high, medium, low)");
    }
  }

  private static String json(LintReport report) {
    try {
      return JsonReportRenderer.mapper().writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new StrandsException(
          ErrorCode.INTERNAL_ERROR, "Cannot write JSON lint report: " + e.getOriginalMessage(), e);
    }
  }
}
