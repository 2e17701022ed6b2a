package io.strandsetl.server.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Escaping for server-rendered HTML: every value that is not a literal goes through here. */
final class Html {
  private Html() {}

  /** Escapes text for an element body or a double-quoted attribute. */
  static String esc(String text) {
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

  /** Encodes one URL path segment or query value ({@code %20} for spaces). */
  static String url(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
