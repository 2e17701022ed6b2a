package io.strandsetl.rules.performance;

import java.util.Locale;

/** Human-readable quantities for titles and summaries. Binary units (1 MiB = 1,048,576 bytes). */
final class Quantities {
  static final long KIB = 1L << 10;
  static final long MIB = 1L << 20;
  static final long GIB = 1L << 30;
  static final long TIB = 1L << 40;

  private Quantities() {}

  static String bytes(double bytes) {
    double abs = Math.abs(bytes);
    if (abs >= TIB) {
      return format(bytes / TIB, "TiB");
    }
    if (abs >= GIB) {
      return format(bytes / GIB, "GiB");
    }
    if (abs >= MIB) {
      return format(bytes / MIB, "MiB");
    }
    if (abs >= KIB) {
      return format(bytes / KIB, "KiB");
    }
    return String.format(Locale.ROOT, "%.0f B", bytes);
  }

  /** Milliseconds as seconds, minutes or hours. */
  static String millis(double ms) {
    double s = ms / 1000.0;
    if (s >= 3600) {
      return format(s / 3600, "h");
    }
    if (s >= 60) {
      return format(s / 60, "min");
    }
    if (s >= 1) {
      return format(s, "s");
    }
    return String.format(Locale.ROOT, "%.0f ms", ms);
  }

  static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A Spark size setting that is at least {@code bytes}: whole MiB ({@code 41m}) or GiB. */
  static String sparkSize(long bytes) {
    if (bytes >= 8 * GIB) {
      return ceilDiv(bytes, GIB) + "g";
    }
    return Math.max(1, ceilDiv(bytes, MIB)) + "m";
  }

  static long ceilDiv(long a, long b) {
    return b <= 0 ? a : (a + b - 1) / b;
  }

  static double round(double v, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(v * scale) / scale;
  }

  private static String format(double v, String unit) {
    return String.format(Locale.ROOT, "%.1f %s", v, unit);
  }
}
