package io.strandsetl.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An aligned text table for a terminal: a header row, then rows, columns padded with spaces. */
final class TextTable {
  private final List<String> headers;
  private final boolean[] rightAligned;
  private final List<List<String>> rows = new ArrayList<>();

  /** Headers; a header ending in {@code >} is right-aligned (numbers), the marker is not shown. */
  TextTable(String... headers) {
    this.rightAligned = new boolean[headers.length];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < headers.length; i++) {
      rightAligned[i] = headers[i].endsWith(">");
      names.add(rightAligned[i] ? headers[i].substring(0, headers[i].length() - 1) : headers[i]);
    }
    this.headers = names;
  }

  TextTable row(Object... cells) {
    rows.add(Arrays.stream(cells).map(c -> c == null ? "-" : c.toString()).toList());
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String render() {
    int[] width = new int[headers.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = headers.get(i).length();
      for (List<String> row : rows) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, headers, width);
    for (List<String> row : rows) {
      line(out, row, width);
    }
    return out.toString();
  }

  private void line(StringBuilder out, List<String> cells, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      String pad = " ".repeat(width[i] - cell.length());
      if (i > 0) {
        line.append("  ");
      }
      line.append(rightAligned[i] ? pad + cell : cell + pad);
    }
    out.append(line.toString().stripTrailing()).append(System.lineSeparator());
  }
}
