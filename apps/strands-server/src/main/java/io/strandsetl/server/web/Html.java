package io.strandsetl.server.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Escaping for server-rendered HTML: every value that is not a literal goes through here. */
final class Html {
  private Html() {}

  /** Escapes text for an element body or a double-quoted attribute. */
  static String esc(String text) {
    return io.strandsetl.model.HtmlEscaper.escape(text);
  }

  /** Encodes one URL path segment or query value ({@code %20} for spaces). */
  static String url(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
