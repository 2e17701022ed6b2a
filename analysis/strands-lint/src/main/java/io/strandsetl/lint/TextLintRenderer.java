package io.strandsetl.lint;

import io.strandsetl.model.finding.Evidence;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.finding.Recommendation;
import io.strandsetl.model.finding.Severity;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal form of a lint report, laid out like {@code strands analyze}'s findings: one block
 * per finding with where, evidence and fix; the fix snippet is in the language of the file.
 */
public final class TextLintRenderer {
  public String render(LintReport report) {
    StringBuilder out = new StringBuilder();
    int files = report.files().size();
    out.append("Strands ETL lint of ")
        .append(files)
        .append(files == 1 ? " file" : " files")
        .append("\n");
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    report.findings().forEach(f -> bySeverity.merge(f.severity(), 1, Integer::sum));
    out.append("\nFindings: ").append(report.findings().size());
    if (!bySeverity.isEmpty()) {
      StringBuilder parts = new StringBuilder();
      bySeverity.forEach(
          (s, n) ->
              parts
                  .append(parts.length() == 0 ? "" : ", ")
                  .append(n)
                  .append(' ')
                  .append(s.name().toLowerCase(Locale.ROOT)));
      out.append(" (").append(parts).append(")");
    }
    out.append("\n");
    for (Finding f : report.findings()) {
      out.append("\n[")
          .append(f.severity())
          .append("] ")
          .append(f.type())
          .append(" — ")
          .append(f.title())
          .append("\n");
      out.append("    where:    ")
          .append(f.location().file())
          .append(':')
          .append(f.location().line())
          .append("\n");
      for (Evidence e : f.evidence()) {
        out.append("    evidence: ").append(e.name()).append(" = ").append(e.value());
        out.append(e.unit().isEmpty() ? "" : " " + e.unit()).append("\n");
      }
      out.append("    fix:      ").append(f.recommendation().summary()).append("\n");
      String snippet = snippetFor(f.location().file(), f.recommendation());
      if (snippet != null) {
        snippet.lines().forEach(l -> out.append("      ").append(l).append("\n"));
      }
    }
    if (!report.notes().isEmpty()) {
      out.append("\nNot checked\n");
      report
          .notes()
          .forEach(
              n ->
                  out.append("  ")
                      .append(n.file())
                      .append(':')
                      .append(n.line())
                      .append("  ")
                      .append(n.message())
                      .append("\n"));
    }
    return out.toString();
  }

  private static String snippetFor(String file, Recommendation r) {
    String lower = file.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".sql")) {
      return r.sql();
    }
    if (lower.endsWith(".scala")) {
      return r.scala();
    }
    return r.pyspark();
  }
}
