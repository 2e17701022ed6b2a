package io.strandsetl.compliance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.store.AuditEntry;
import io.strandsetl.model.store.AuditVerification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit report of a period: the chain's integrity, counts per action, the compliance verdicts
 * and blocks, erasures, and every entry of the period (PII-free: entries carry column names, counts
 * and hashes only).
 *
 * @param from start of the period, inclusive, or null for the beginning
 * @param to end of the period, exclusive, or null for now
 * @param verification the whole chain's verification
 * @param entries entries of the period, in sequence order
 * @param generatedAt when the report was made (UTC)
 */
public record AuditReport(
    Instant from,
    Instant to,
    AuditVerification verification,
    List<AuditEntry> entries,
    Instant generatedAt) {
  public AuditReport {
    entries = List.copyOf(entries);
  }

  /** The report over {@code trail} (stored order) restricted to [from, to). */
  public static AuditReport of(
      List<AuditEntry> trail,
      Instant from,
      Instant to,
      AuditVerification verification,
      Instant now) {
    List<AuditEntry> inPeriod = new ArrayList<>();
    for (AuditEntry e : trail) {
      Instant at = e.event().at();
      if ((from == null || !at.isBefore(from)) && (to == null || at.isBefore(to))) {
        inPeriod.add(e);
      }
    }
    return new AuditReport(from, to, verification, inPeriod, now);
  }

  public Map<String, Long> countsByAction() {
    Map<String, Long> counts = new TreeMap<>();
    entries.forEach(e -> counts.merge(e.event().action(), 1L, Long::sum));
    return counts;
  }

  private List<AuditEntry> withAction(String... actions) {
    List<String> wanted = List.of(actions);
    return entries.stream().filter(e -> wanted.contains(e.event().action())).toList();
  }

  public String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("auditReportSchemaVersion", "1.0");
    root.put("generatedAt", generatedAt.toString());
    root.put("from", from == null ? null : from.toString());
    root.put("to", to == null ? null : to.toString());
    Map<String, Object> chain = new LinkedHashMap<>();
    chain.put("intact", verification.intact());
    chain.put("entriesChecked", verification.entriesChecked());
    chain.put("firstBadSequence", verification.firstBadSequence());
    chain.put("problem", verification.problem());
    root.put("chain", chain);
    root.put("entries", entries.size());
    root.put("countsByAction", countsByAction());
    root.put("verdicts", rows(withAction("compliance-assessed", "publish-blocked")));
    root.put("erasures", rows(withAction("subject-erased", "subject-exported")));
    root.put("trail", rows(entries));
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new StrandsException(
          ErrorCode.INTERNAL_ERROR, "Cannot write audit report: " + e.getOriginalMessage(), e);
    }
  }

  private static List<Object> rows(List<AuditEntry> entries) {
    List<Object> out = new ArrayList<>();
    for (AuditEntry e : entries) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("sequence", e.sequence());
      m.put("at", e.event().at().toString());
      m.put("actor", e.event().actor());
      m.put("action", e.event().action());
      m.put("subject", e.event().subject());
      m.put("details", e.event().details());
      m.put("hash", e.hash());
      out.add(m);
    }
    return out;
  }

  public String html() {
    StringBuilder b = new StringBuilder();
    b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Strands audit report</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
        .append(
            "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;font-size:13px}")
        .append(".ok{color:#176f2c}.bad{color:#b00020;font-weight:bold}code{font-size:12px}")
        .append("</style></head><body>\n");
    b.append("<h1>Audit report</h1>\n<p>Period: ")
        .append(esc(from == null ? "beginning" : from.toString()))
        .append(" to ")
        .append(esc(to == null ? "now" : to.toString()))
        .append(". Generated ")
        .append(esc(generatedAt.toString()))
        .append(".</p>\n");
    b.append("<h2>Hash chain</h2>\n<p class=\"")
        .append(verification.intact() ? "ok\">Intact" : "bad\">BROKEN")
        .append("</p><p>")
        .append(verification.entriesChecked())
        .append(" entries checked")
        .append(verification.intact() ? "" : ": " + esc(verification.problem()))
        .append(".</p>\n");
    b.append("<h2>Actions</h2>\n<table><tr><th>action</th><th>entries</th></tr>\n");
    countsByAction()
        .forEach(
            (k, v) ->
                b.append("<tr><td>")
                    .append(esc(k))
                    .append("</td><td>")
                    .append(v)
                    .append("</td></tr>\n"));
    b.append("</table>\n");
    section(b, "Compliance verdicts", withAction("compliance-assessed", "publish-blocked"));
    section(b, "Erasure and export", withAction("subject-erased", "subject-exported"));
    section(b, "Full trail", entries);
    b.append("</body></html>\n");
    return b.toString();
  }

  private static void section(StringBuilder b, String title, List<AuditEntry> entries) {
    b.append("<h2>").append(esc(title)).append("</h2>\n");
    if (entries.isEmpty()) {
      b.append("<p>None in this period.</p>\n");
      return;
    }
    b.append(
        "<table><tr><th>#</th><th>at (UTC)</th><th>actor</th><th>action</th><th>subject</th><th>details</th></tr>\n");
    for (AuditEntry e : entries) {
      b.append("<tr><td>")
          .append(e.sequence())
          .append("</td><td>")
          .append(esc(e.event().at().toString()))
          .append("</td><td>")
          .append(esc(e.event().actor()))
          .append("</td><td>")
          .append(esc(e.event().action()))
          .append("</td><td><code>")
          .append(esc(e.event().subject()))
          .append("</code></td><td>")
          .append(esc(e.event().details()))
          .append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  static String esc(String s) {
    return io.strandsetl.model.HtmlEscaper.escape(s);
  }
}
