package io.strandsetl.cli;

import io.strandsetl.model.store.ExecutionRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How the store commands show values on a terminal, and the JSON summary of an execution. */
final class StoreFormats {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private StoreFormats() {}

  /** {@code 2026-11-25 08:00:00Z}, or {@code -}. */
  static String instant(Instant at) {
    return at == null ? "-" : UTC.format(at);
  }

  /** {@code 850 ms}, {@code 12.3 s}, {@code 4m05s}, {@code 2h03m}. */
  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    long s = ms / 1000;
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }

  /** Binary units: {@code 512 B}, {@code 1.5 KiB}, {@code 3.2 GiB}; {@code -} for null. */
  static String bytes(Long bytes) {
    if (bytes == null) {
      return "-";
    }
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = bytes;
    int i = -1;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
  }

  static String usd(double usd) {
    return String.format(Locale.ROOT, "$%.2f", usd);
  }

  static String fraction(double f) {
    return String.format(Locale.ROOT, "%.0f%%", f * 100);
  }

  /** A quality dimension as a percentage; "not measured" when null (no check of it ran). */
  static String fraction(Double f) {
    return f == null ? "not measured" : fraction(f.doubleValue());
  }

  /**
   * The JSON summary of one execution (the {@code executions[]} items of {@code strands history
   * --format json}); field names are documented in docs/schemas/cli-store.md.
   */
  static Map<String, Object> summary(ExecutionRecord e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("executionId", e.executionId());
    m.put("jobName", e.jobName());
    m.put("jobType", e.jobType());
    m.put("platform", e.platform());
    m.put("status", e.status());
    m.put("startedAt", e.startedAt());
    m.put("endedAt", e.endedAt());
    m.put("durationMs", e.duration().toMillis());
    m.put("dataProcessedBytes", e.metrics() == null ? null : e.metrics().dataProcessedBytes());
    m.put("totalCostUsd", e.cost() == null ? null : e.cost().totalUsd());
    m.put("issues", e.issues().size());
    m.put("error", e.error() == null ? null : e.error().message());
    return m;
  }
}
