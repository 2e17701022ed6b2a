package io.strandsetl.notify.message;

import java.util.ArrayList;
import java.util.List;

/**
 * The content of one message as blocks, rendered twice: to text/plain and to text/html. Building
 * both parts from one document keeps them saying the same thing.
 *
 * <p>HTML: table layout and inline CSS only, because many mail clients drop {@code <style>} and do
 * not support flexbox or grid. Every value is escaped.
 */
final class MessageDocument {
  /** Accent colours of the banner, by tone. */
  enum Tone {
    GOOD("#1a7f37"),
    WARN("#9a6700"),
    BAD("#cf222e"),
    INFO("#0969da");

    final String colour;

    Tone(String colour) {
      this.colour = colour;
    }
  }

  private sealed interface Block {}

  private record Heading(String text) implements Block {}

  private record Row(String label, String value, Tone tone) implements Block {}

  private record Bullet(String text, Tone tone) implements Block {}

  private record Paragraph(String text) implements Block {}

  private record Link(String label, String url) implements Block {}

  private final String title;
  private final Tone tone;
  private final String footer;
  private final List<Block> blocks = new ArrayList<>();

  MessageDocument(String title, Tone tone, String footer) {
    this.title = title;
    this.tone = tone;
    this.footer = footer;
  }

  MessageDocument heading(String text) {
    blocks.add(new Heading(text));
    return this;
  }

  MessageDocument row(String label, String value) {
    return row(label, value, null);
  }

  MessageDocument row(String label, String value, Tone valueTone) {
    blocks.add(new Row(label, value, valueTone));
    return this;
  }

  MessageDocument bullet(String text) {
    return bullet(text, null);
  }

  MessageDocument bullet(String text, Tone marker) {
    blocks.add(new Bullet(text, marker));
    return this;
  }

  MessageDocument paragraph(String text) {
    blocks.add(new Paragraph(text));
    return this;
  }

  MessageDocument link(String label, String url) {
    blocks.add(new Link(label, url));
    return this;
  }

  String text() {
    StringBuilder out = new StringBuilder();
    out.append(title).append('\n').append("=".repeat(Math.min(72, title.length()))).append('\n');
    int labelWidth = 0;
    for (Block block : blocks) {
      if (block instanceof Row row) {
        labelWidth = Math.max(labelWidth, row.label().length());
      }
    }
    Block previous = null;
    for (Block block : blocks) {
      if (block instanceof Heading h) {
        out.append('\n').append(h.text()).append('\n');
        out.append("-".repeat(h.text().length())).append('\n');
      } else if (block instanceof Row r) {
        out.append(r.label()).append(':');
        out.append(" ".repeat(labelWidth - r.label().length() + 1)).append(r.value()).append('\n');
      } else if (block instanceof Bullet b) {
        out.append("  - ").append(b.text()).append('\n');
      } else if (block instanceof Paragraph p) {
        if (previous != null && !(previous instanceof Heading)) {
          out.append('\n');
        }
        out.append(p.text()).append('\n');
      } else if (block instanceof Link l) {
        out.append(l.label()).append(": ").append(l.url()).append('\n');
      }
      previous = block;
    }
    out.append("\n-- \n").append(footer).append('\n');
    return out.toString();
  }

  String html() {
    StringBuilder out = new StringBuilder(8192);
    out.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width\">")
        .append("<title>")
        .append(Html.escape(title))
        .append("</title></head>\n")
        .append("<body style=\"margin:0;padding:0;background:#f4f5f7;")
        .append("font-family:Arial,Helvetica,sans-serif;color:#1f2328;\">\n")
        .append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"")
        .append(
            " style=\"background:#f4f5f7;\"><tr><td align=\"center\" style=\"padding:16px;\">\n")
        .append("<table role=\"presentation\" width=\"640\" cellpadding=\"0\" cellspacing=\"0\"")
        .append(
            " style=\"max-width:640px;width:100%;background:#ffffff;border:1px solid #d0d7de;\">\n")
        .append("<tr><td style=\"background:")
        .append(tone.colour)
        .append(";color:#ffffff;padding:14px 20px;font-size:18px;font-weight:bold;\">")
        .append(Html.escape(title))
        .append("</td></tr>\n<tr><td style=\"padding:8px 20px 16px 20px;\">\n");
    boolean inTable = false;
    boolean inList = false;
    for (Block block : blocks) {
      boolean row = block instanceof Row;
      boolean bullet = block instanceof Bullet;
      if (inTable && !row) {
        out.append("</table>\n");
        inTable = false;
      }
      if (inList && !bullet) {
        out.append("</ul>\n");
        inList = false;
      }
      if (block instanceof Heading h) {
        out.append("<h2 style=\"font-size:15px;margin:18px 0 6px 0;color:#1f2328;")
            .append("border-bottom:1px solid #d0d7de;padding-bottom:4px;\">")
            .append(Html.escape(h.text()))
            .append("</h2>\n");
      } else if (block instanceof Row r) {
        if (!inTable) {
          out.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\"")
              .append(" cellspacing=\"0\" style=\"font-size:14px;\">\n");
          inTable = true;
        }
        out.append("<tr><td style=\"padding:3px 12px 3px 0;color:#57606a;width:38%;")
            .append("vertical-align:top;\">")
            .append(Html.escape(r.label()))
            .append("</td><td style=\"padding:3px 0;vertical-align:top;")
            .append(r.tone() == null ? "" : "color:" + r.tone().colour + ";font-weight:bold;")
            .append("\">")
            .append(Html.escape(r.value()))
            .append("</td></tr>\n");
      } else if (block instanceof Bullet b) {
        if (!inList) {
          out.append("<ul style=\"margin:4px 0;padding-left:20px;font-size:14px;\">\n");
          inList = true;
        }
        out.append("<li style=\"margin:2px 0;")
            .append(b.tone() == null ? "" : "color:" + b.tone().colour + ";")
            .append("\"><span style=\"color:#1f2328;\">")
            .append(Html.escape(b.text()))
            .append("</span></li>\n");
      } else if (block instanceof Paragraph p) {
        out.append("<p style=\"font-size:14px;margin:8px 0;\">")
            .append(Html.escape(p.text()))
            .append("</p>\n");
      } else if (block instanceof Link l) {
        out.append("<p style=\"font-size:14px;margin:14px 0 4px 0;\">")
            .append("<a style=\"background:#0969da;color:#ffffff;padding:8px 14px;")
            .append("text-decoration:none;border-radius:4px;display:inline-block;\" href=\"")
            .append(Html.escape(l.url()))
            .append("\">")
            .append(Html.escape(l.label()))
            .append("</a></p>\n");
      }
    }
    if (inTable) {
      out.append("</table>\n");
    }
    if (inList) {
      out.append("</ul>\n");
    }
    out.append("</td></tr>\n<tr><td style=\"padding:10px 20px;font-size:12px;color:#57606a;")
        .append("border-top:1px solid #d0d7de;\">")
        .append(Html.escape(footer))
        .append("</td></tr>\n</table>\n</td></tr></table>\n</body></html>\n");
    return out.toString();
  }
}
