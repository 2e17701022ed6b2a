package io.strandsetl.eventlog;

import io.strandsetl.model.run.LogDiagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Counts what the reader saw of the log itself. */
final class LogDiagnosticsBuilder {
  final List<String> files = new ArrayList<>();
  String format;
  long lines;
  long malformedLines;
  Long firstMalformedLine;
  boolean truncatedLastLine;
  long overlongLines;

  void malformed() {
    malformedLines++;
    if (firstMalformedLine == null) {
      firstMalformedLine = lines;
    }
  }

  LogDiagnostics build(Map<String, Long> unknownEvents, List<String> warnings) {
    return new LogDiagnostics(
        files,
        format,
        lines,
        malformedLines,
        firstMalformedLine,
        truncatedLastLine,
        unknownEvents,
        warnings);
  }
}
