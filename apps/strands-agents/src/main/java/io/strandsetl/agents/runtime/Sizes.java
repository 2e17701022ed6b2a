package io.strandsetl.agents.runtime;

import java.util.Locale;

/** Byte sizes for people (binary units) and for Spark properties ({@code 512m}, {@code 4g}). */
public final class Sizes {
  public static final long MIB = 1L << 20;
  public static final long GIB = 1L << 30;

  private Sizes() {}

  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  /** A Spark size string rounded up to whole MiB, or whole GiB when exact. */
  public static String spark(long bytes) {
    long mib = Math.max(1, (bytes + MIB - 1) / MIB);
    return mib % 1024 == 0 ? (mib / 1024) + "g" : mib + "m";
  }

  public static String millis(long ms) {
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 120_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    return String.format(Locale.ROOT, "%.1f min", ms / 60_000.0);
  }

  public static String usd(double usd) {
    return usd < 0.01 && usd > 0
        ? String.format(Locale.ROOT, "$%.5f", usd)
        : String.format(Locale.ROOT, "$%.2f", usd);
  }
}
