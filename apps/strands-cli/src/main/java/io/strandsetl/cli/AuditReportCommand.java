package io.strandsetl.cli;

import io.strandsetl.compliance.report.AuditReport;
import io.strandsetl.engine.track.TrackingStores;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.AuditEntry;
import io.strandsetl.model.store.AuditVerification;
import io.strandsetl.model.store.TrackingStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strands audit report}: the audit trail of a period as HTML or JSON. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "The audit trail of a period: hash-chain integrity, counts per action, compliance verdicts",
      "and blocks, erasures and exports, and every entry (PII-free). Exit 0; 3 when the chain is",
      "broken (the report is still written); 2 for a bad option; 1 when the store cannot be read."
    })
final class AuditReportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--from",
      paramLabel = "WHEN",
      description =
          "Start, inclusive: a UTC date (2026-11-01) or an instant (2026-11-01T12:00:00Z).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "WHEN",
      description = "End, exclusive: a UTC date (the day is not included) or an instant.")
  String to;

  @Option(
      names = "--format",
      defaultValue = "html",
      paramLabel = "FORMAT",
      description = "html or json; default ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path out;

  @Option(names = "--config", paramLabel = "FILE", description = "A properties file of settings.")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting.")
  List<String> overrides = List.of();

  @Override
  public Integer call() {
    boolean html =
        switch (format) {
          case "html" -> true;
          case "json" -> false;
          default ->
              throw new StrandsException(
                  ErrorCode.INVALID_ARGUMENT,
                  "Invalid --format: '" + format + "' (use html or json)");
        };
    Instant start = when("--from", from);
    Instant end = when("--to", to);
    if (start != null && end != null && !start.isBefore(end)) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid period: --from " + from + " is not before --to " + to);
    }
    Settings settings = StoreOptions.load(config, overrides);
    AuditReport report;
    try (TrackingStore store = TrackingStores.open(settings)) {
      List<AuditEntry> trail = store.auditTrail();
      report = AuditReport.of(trail, start, end, AuditVerification.of(trail), Instant.now());
    }
    String text = html ? report.html() : report.json() + System.lineSeparator();
    if (out != null) {
      try {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(out, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new StrandsException(
            ErrorCode.IO_ERROR, "Cannot write " + out + ": " + e.getMessage());
      }
      spec.commandLine()
          .getOut()
          .println(
              "Audit report: " + report.entries().size() + " entries -> " + out.toAbsolutePath());
    } else {
      PrintWriter w = spec.commandLine().getOut();
      w.print(text);
      w.flush();
    }
    if (!report.verification().intact()) {
      spec.commandLine().getErr().println("strands: " + report.verification().problem());
      return AuditVerifyCommand.TAMPERED;
    }
    return 0;
  }

  private static Instant when(String option, String raw) {
    if (raw == null) {
      return null;
    }
    try {
      return raw.length() <= 10
          ? LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid " + option + ": '" + raw + "' (expected 2026-11-01 or 2026-11-01T12:00:00Z)");
    }
  }
}
