package io.strandsetl.lint.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits a SQL script into statements at top-level semicolons, aware of quotes, back-quoted
 * identifiers and comments, and keeps the line each statement starts on. JSqlParser could split
 * too, but one unparsable statement would then lose the whole script.
 */
final class SqlSplitter {
  /**
   * @param text the statement, from just after the previous semicolon (leading blank lines kept, so
   *     JSqlParser's line numbers add to {@code firstLine})
   * @param firstLine 1-based line of the script on which {@code text} begins
   * @param masked {@code text} with comments and string contents blanked (newlines kept), for
   *     keyword searches that must not see inside them
   */
  record Piece(String text, int firstLine, String masked) {
    /** 1-based line of the script where the first token of the statement is. */
    int tokenLine() {
      int line = firstLine;
      for (int i = 0; i < masked.length(); i++) {
        char c = masked.charAt(i);
        if (c == '\n') {
          line++;
        } else if (!Character.isWhitespace(c)) {
          return line;
        }
      }
      return line;
    }
  }

  private SqlSplitter() {}

  /**
   * The statements of {@code script}, skipping empty ones; each comment goes to {@code comments}.
   */
  static List<Piece> split(String script, Consumer<String> comments) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder masked = new StringBuilder(script.length());
    int start = 0;
    int startLine = 1;
    int line = 1;
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      char next = i + 1 < n ? script.charAt(i + 1) : '\0';
      if (c == '-' && next == '-') {
        int end = script.indexOf('\n', i);
        end = end < 0 ? n : end;
        comments.accept(script.substring(i, end));
        blank(masked, script, i, end);
        i = end;
      } else if (c == '/' && next == '*') {
        int end = script.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        comments.accept(script.substring(i, end));
        line += blank(masked, script, i, end);
        i = end;
      } else if (c == '\'' || c == '"' || c == '`') {
        int end = closingQuote(script, i, c);
        masked.append(c);
        line += blank(masked, script, i + 1, Math.max(i + 1, end - 1));
        if (end - 1 > i) {
          masked.append(script.charAt(end - 1));
        }
        i = end;
      } else if (c == ';') {
        add(pieces, script.substring(start, i), startLine, masked.toString());
        masked.setLength(0);
        i++;
        start = i;
        startLine = line;
      } else {
        if (c == '\n') {
          line++;
        }
        masked.append(c);
        i++;
      }
    }
    add(pieces, script.substring(start), startLine, masked.toString());
    return pieces;
  }

  private static void add(List<Piece> pieces, String text, int firstLine, String masked) {
    if (!masked.isBlank()) {
      pieces.add(new Piece(text, firstLine, masked));
    }
  }

  /** Index just after the closing quote; a doubled quote or a backslash escapes one. */
  private static int closingQuote(String s, int open, char quote) {
    int i = open + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\' && quote != '`') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }

  /** Appends spaces for {@code s[from, to)} keeping newlines; returns the newlines seen. */
  private static int blank(StringBuilder out, String s, int from, int to) {
    int newlines = 0;
    for (int i = from; i < to && i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        out.append('\n');
        newlines++;
      } else {
        out.append(' ');
      }
    }
    return newlines;
  }
}
