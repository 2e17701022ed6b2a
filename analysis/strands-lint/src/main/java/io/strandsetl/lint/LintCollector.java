package io.strandsetl.lint;

import io.strandsetl.model.finding.Evidence;
import io.strandsetl.model.finding.Finding;
import io.strandsetl.model.finding.Location;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gathers the findings and notes of one file. The SQL and source linters report into it; it adds
 * the offending source line as evidence and keeps one finding per rule and line.
 */
public final class LintCollector {
  /** {@code strands: small-table dim_store, dim_date} in any comment (SQL, Python or Scala). */
  private static final Pattern SMALL_TABLE_DIRECTIVE =
      Pattern.compile(
          "strands:\\s*small-tables?\\s+([A-Za-z0-9_.`\"]+(?:\\s*,\\s*[A-Za-z0-9_.`\"]+)*)");

  private static final int MAX_CODE_CHARS = 160;

  private final String file;
  private final List<String> lines;
  private final Set<String> smallTables;
  private final Map<String, Finding> findings = new LinkedHashMap<>();
  private final List<LintNote> notes = new ArrayList<>();

  /**
   * @param file the file name shown in findings (as the user gave it)
   * @param text the whole file, to quote the offending line as evidence
   * @param smallTables tables declared small by options (lower case)
   */
  public LintCollector(String file, String text, Collection<String> smallTables) {
    this.file = file;
    this.lines = text.lines().toList();
    this.smallTables = new TreeSet<>(smallTables);
  }

  public String file() {
    return file;
  }

  /** Adds the tables a {@code strands: small-table …} directive in this comment declares. */
  public void readDirectives(String comment) {
    Matcher m = SMALL_TABLE_DIRECTIVE.matcher(comment);
    while (m.find()) {
      for (String name : m.group(1).split(",")) {
        String n = name.trim().replace("`", "").replace("\"", "").toLowerCase(Locale.ROOT);
        if (!n.isEmpty()) {
          smallTables.add(n);
        }
      }
    }
  }

  /**
   * Whether a table (or DataFrame variable) name was declared small; {@code retail.dim_store}
   * matches a declared {@code dim_store} and the other way round.
   */
  public boolean isSmall(String name) {
    if (name == null || name.isBlank()) {
      return false;
    }
    String n = name.replace("`", "").toLowerCase(Locale.ROOT).trim();
    String last = n.substring(n.lastIndexOf('.') + 1);
    for (String small : smallTables) {
      String smallLast = small.substring(small.lastIndexOf('.') + 1);
      if (small.equals(n) || smallLast.equals(last) && (!small.contains(".") || !n.contains("."))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reports a finding at a 1-based line of this file; a second one of the same rule there is
   * dropped.
   */
  public void add(LintRule rule, int line, String title, List<Evidence> evidence, String table) {
    int at = Math.max(1, line);
    List<Evidence> all = new ArrayList<>();
    String code = code(at);
    if (!code.isEmpty()) {
      all.add(new Evidence("code", code, ""));
    }
    all.addAll(evidence);
    Location location = new Location(null, null, null, null, null, table, file, at);
    Finding finding =
        Finding.of(rule.id(), rule.severity(), title, all, rule.recommendation(), null, location);
    findings.putIfAbsent(finding.id(), finding);
  }

  public void note(int line, String message) {
    notes.add(new LintNote(file, Math.max(1, line), message));
  }

  public List<Finding> findings() {
    return List.copyOf(findings.values());
  }

  public List<LintNote> notes() {
    return List.copyOf(notes);
  }

  private String code(int line) {
    if (line > lines.size()) {
      return "";
    }
    String c = lines.get(line - 1).strip();
    return c.length() <= MAX_CODE_CHARS ? c : c.substring(0, MAX_CODE_CHARS - 1) + "…";
  }
}
