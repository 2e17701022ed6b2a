package io.strandsetl.model;

/**
 * The one HTML escaping every HTML output uses (reports, audit reports, e-mails, dashboard pages),
 * so a value such as a job named {@code <script>} is text wherever it is shown.
 */
public final class HtmlEscaper {
  private HtmlEscaper() {}

  /** Escapes text for an element body or a quoted attribute value; null gives "". */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
