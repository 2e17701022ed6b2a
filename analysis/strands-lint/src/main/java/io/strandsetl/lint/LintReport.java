package io.strandsetl.lint;

import io.strandsetl.model.finding.Finding;
import java.util.List;

/**
 * What {@code strands lint} found in a set of files.
 *
 * @param schemaVersion version of the JSON shape (docs/lint.md)
 * @param files the files linted, in the order given
 * @param findings sorted by file, line, then type
 * @param notes parts of files that could not be checked (unparsable SQL), sorted by file and line
 */
public record LintReport(
    String schemaVersion, List<String> files, List<Finding> findings, List<LintNote> notes) {
  public static final String SCHEMA_VERSION = "1.0";

  public LintReport {
    files = files == null ? List.of() : List.copyOf(files);
    findings = findings == null ? List.of() : List.copyOf(findings);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }
}
