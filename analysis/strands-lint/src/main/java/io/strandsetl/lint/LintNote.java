package io.strandsetl.lint;

import java.util.Objects;

/**
 * Something the linter could not check, so the user knows a part of a file was not covered (a SQL
 * statement JSqlParser cannot parse, for example). Not a finding.
 *
 * @param file the file as given on the command line
 * @param line 1-based line the note is about
 * @param message one line, saying what was skipped and why
 */
public record LintNote(String file, int line, String message) {
  public LintNote {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    if (line < 1) {
      throw new IllegalArgumentException("Invalid line: " + line + " (lines start at 1)");
    }
  }
}
