package io.strandsetl.server.csv;

import java.util.List;

/**
 * Writes RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line break).
 * A field that a spreadsheet would run as a formula ({@code = + - @} first) is prefixed with a
 * quote character, so an exported job name cannot inject a formula.
 */
public final class CsvWriter {
  private final StringBuilder out = new StringBuilder();

  public CsvWriter row(List<?> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(values.get(i)));
    }
    out.append("\r\n");
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!(value instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
