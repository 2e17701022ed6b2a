package io.strandsetl.notify.message;

/**
 * HTML escaping for text and attribute values; every value that reaches the HTML goes through it.
 */
final class Html {
  private Html() {}

  static String escape(String value) {
    return io.strandsetl.model.HtmlEscaper.escape(value);
  }
}
