package io.strandsetl.spark.compliance;

import io.strandsetl.compliance.CheckResult;
import io.strandsetl.compliance.CheckStatus;
import io.strandsetl.compliance.PiiInventory.OutputColumn;
import io.strandsetl.compliance.SinkOutput;
import io.strandsetl.compliance.classify.Classification;
import io.strandsetl.compliance.pii.ColumnFinding;
import io.strandsetl.compliance.pii.DatasetFindings;
import io.strandsetl.compliance.report.ComplianceAssessment;
import java.util.Locale;

/** The terminal rendering of an assessment (PII-free: names, counts, masked samples). */
final class ComplianceText {
  private ComplianceText() {}

  static String render(ComplianceAssessment a) {
    StringBuilder b = new StringBuilder();
    b.append("Compliance: ").append(a.headline()).append('\n');
    for (DatasetFindings f : a.input().sources()) {
      appendPii(b, "source " + f.dataset(), f);
    }
    a.input().outputs().forEach(o -> appendPii(b, "output " + o.sink(), o.findings()));
    if (!a.inventory().masked().isEmpty()) {
      b.append("  masked:");
      for (OutputColumn c : a.inventory().masked()) {
        b.append(' ')
            .append(c.sink())
            .append('.')
            .append(c.column())
            .append('=')
            .append(c.mask().id());
      }
      b.append('\n');
    }
    StringBuilder expired = new StringBuilder();
    StringBuilder encryption = new StringBuilder();
    for (SinkOutput o : a.input().outputs()) {
      if (o.expiredDropped() != null) {
        expired.append(' ').append(o.sink()).append('=').append(o.expiredDropped());
      }
      if (o.encryption().inspected()) {
        encryption
            .append(' ')
            .append(o.sink())
            .append(": ")
            .append(o.encryption().line())
            .append(';');
      }
    }
    if (expired.length() > 0) {
      b.append("  expired rows not written (retention):").append(expired).append('\n');
    }
    if (encryption.length() > 0) {
      b.append("  encryption at rest found:")
          .append(encryption, 0, encryption.length() - 1)
          .append('\n');
    }
    for (CheckResult c : a.checks()) {
      if (c.status() == CheckStatus.FAIL || c.status() == CheckStatus.WARN) {
        b.append("  ")
            .append(c.status().name().toLowerCase(Locale.ROOT))
            .append(' ')
            .append(c.id())
            .append(": ")
            .append(c.remediation())
            .append('\n');
        if (!c.maskedSamples().isEmpty()) {
          b.append("    masked samples: ")
              .append(String.join("; ", c.maskedSamples()))
              .append('\n');
        }
      }
    }
    return b.toString();
  }

  private static void appendPii(StringBuilder b, String label, DatasetFindings f) {
    var pii = f.piiColumns();
    if (pii.isEmpty()) {
      return;
    }
    b.append("  PII in ").append(label).append(':');
    for (ColumnFinding c : pii) {
      var e = c.primary().orElseThrow();
      b.append(' ')
          .append(c.column())
          .append('=')
          .append(e.entity().id())
          .append(String.format(Locale.ROOT, " %.0f%%", 100 * e.ratio()))
          .append(" [")
          .append(Classification.of(e.entity()).id())
          .append(']');
    }
    b.append('\n');
  }
}
