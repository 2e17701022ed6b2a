package io.strandsetl.notify.message;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers read in messages: fixed locale (ROOT), units spelled out, times in UTC. */
final class Figures {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Figures() {}

  /** US dollars: four decimals under one dollar (small runs cost fractions of a cent). */
  static String usd(double value) {
    if (Math.abs(value) < 1) {
      return String.format(Locale.ROOT, "$%.4f", value);
    }
    return String.format(Locale.ROOT, "$%,.2f", value);
  }

  /** A fraction in [0, 1] as a percentage with one decimal. */
  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
  }

  static String time(Instant instant) {
    return UTC.format(instant);
  }

  static String duration(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = duration.toSeconds();
    long hours = seconds / 3600;
    long minutes = (seconds % 3600) / 60;
    long rest = seconds % 60;
    if (hours > 0) {
      return String.format(Locale.ROOT, "%dh %02dm %02ds", hours, minutes, rest);
    }
    return String.format(Locale.ROOT, "%dm %02ds", minutes, rest);
  }

  /** Bytes in binary units (KiB = 1024 bytes). */
  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** The first line of {@code text}, cut to {@code max} characters with an ellipsis. */
  static String firstLine(String text, int max) {
    String line = text.strip();
    int newline = line.indexOf('\n');
    if (newline >= 0) {
      line = line.substring(0, newline).strip();
    }
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }
}
