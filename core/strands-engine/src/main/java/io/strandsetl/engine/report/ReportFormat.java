package io.strandsetl.engine.report;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.util.Locale;

/** The output formats of a report. */
public enum ReportFormat {
  TEXT,
  JSON,
  HTML;

  public ReportRenderer renderer() {
    return switch (this) {
      case TEXT -> new TextReportRenderer();
      case JSON -> new JsonReportRenderer();
      case HTML -> new HtmlReportRenderer();
    };
  }

  public static ReportFormat parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Invalid format: '" + value + "' (known: text, json, html)");
    }
  }
}
