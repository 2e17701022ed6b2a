package io.strandsetl.engine.report;

import java.util.Locale;

/** Human-readable quantities for reports. Binary byte units (1 KiB = 1024 bytes). */
final class Units {
  private Units() {}

  static String bytes(Long bytes) {
    if (bytes == null) {
      return "n/a";
    }
    long b = bytes;
    if (Math.abs(b) < 1024) {
      return b + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = b;
    int i = -1;
    while (Math.abs(v) >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
  }

  static String millis(Long ms) {
    if (ms == null) {
      return "unknown";
    }
    if (ms < 1000) {
      return ms + " ms";
    }
    double s = ms / 1000.0;
    if (s < 60) {
      return String.format(Locale.ROOT, "%.1f s", s);
    }
    long totalSeconds = Math.round(s);
    long h = totalSeconds / 3600;
    long m = (totalSeconds % 3600) / 60;
    long sec = totalSeconds % 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d h %02d min %02d s", h, m, sec)
        : String.format(Locale.ROOT, "%d min %02d s", m, sec);
  }

  static String percent(Double p) {
    return p == null ? "n/a" : String.format(Locale.ROOT, "%.1f %%", p);
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String number(Double d) {
    if (d == null) {
      return "n/a";
    }
    return Math.abs(d) >= 100
        ? String.format(Locale.ROOT, "%,.0f", d)
        : String.format(Locale.ROOT, "%.2f", d);
  }

  static String evidenceValue(Object value, String unit) {
    String text;
    if (value instanceof Number n && "bytes".equals(unit)) {
      return bytes(n.longValue());
    } else if (value instanceof Number n && "ms".equals(unit)) {
      return millis(n.longValue());
    } else if (value instanceof Double d) {
      text = number(d);
    } else if (value instanceof Float f) {
      text = number(f.doubleValue());
    } else if (value instanceof Number n) {
      text = count(n.longValue());
    } else {
      text = String.valueOf(value);
    }
    return unit.isEmpty() ? text : text + " " + unit;
  }

  /**
   * "≈ 417 s saved · 1.2 GiB avoided · 834 core-s saved (compute core-seconds) — how estimated".
   */
  static String impact(io.strandsetl.model.finding.Impact impact) {
    if (impact == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    if (impact.timeSavedSeconds() != null) {
      b.append("≈ ").append(number(impact.timeSavedSeconds())).append(" s saved");
    }
    if (impact.bytesAvoided() != null) {
      b.append(b.length() > 0 ? " · " : "").append(bytes(impact.bytesAvoided())).append(" avoided");
    }
    if (impact.coreSecondsSaved() != null) {
      b.append(b.length() > 0 ? " · " : "")
          .append(number(impact.coreSecondsSaved()))
          .append(" core-s saved");
    }
    if (impact.costDriver() != null && !impact.costDriver().isBlank()) {
      b.append(b.length() > 0 ? " " : "")
          .append("(drives ")
          .append(impact.costDriver())
          .append(")");
    }
    if (impact.description() != null && !impact.description().isBlank()) {
      b.append(b.length() > 0 ? " — " : "").append(impact.description());
    }
    return b.toString();
  }
}
