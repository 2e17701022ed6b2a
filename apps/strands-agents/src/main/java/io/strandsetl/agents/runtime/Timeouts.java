package io.strandsetl.agents.runtime;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-agent timeouts from {@code agents.<agent>.timeout} ({@code 30s}, {@code 2m}, {@code 500ms},
 * ISO-8601 {@code PT30S}, or plain seconds). Defaults are sized for the 2-core CI machine: scans of
 * the demo's output take tens of seconds there.
 */
public final class Timeouts {
  public static final Map<String, Duration> DEFAULTS =
      Map.of(
          "decision", Duration.ofSeconds(30),
          "optimization", Duration.ofSeconds(120),
          "quality", Duration.ofSeconds(300),
          "compliance", Duration.ofSeconds(300),
          "cost", Duration.ofSeconds(60),
          "learning", Duration.ofSeconds(60),
          "supervisor", Duration.ofSeconds(120));

  public static final Duration DEFAULT = Duration.ofSeconds(60);

  private Timeouts() {}

  /** Timeouts of the given agents, by name. */
  public static Map<String, Duration> from(Settings settings, List<String> agents) {
    Map<String, Duration> out = new LinkedHashMap<>();
    for (String agent : agents) {
      String key = "agents." + agent + ".timeout";
      Duration d =
          settings
              .string(key)
              .map(v -> parse(key, v))
              .orElse(DEFAULTS.getOrDefault(agent, DEFAULT));
      out.put(agent, d);
    }
    return out;
  }

  static Duration parse(String key, String raw) {
    String v = raw.trim().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (v.startsWith("pt")) {
        d = Duration.parse(v.toUpperCase(Locale.ROOT));
      } else if (v.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
      } else if (v.endsWith("s")) {
        d =
            Duration.ofMillis(
                Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
      } else if (v.endsWith("m")) {
        d =
            Duration.ofMillis(
                Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000));
      } else {
        d = Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
      }
      if (d.isNegative() || d.isZero()) {
        throw new NumberFormatException("not positive");
      }
      return d;
    } catch (RuntimeException e) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid "
              + key
              + ": '"
              + raw
              + "' (expected a positive duration such as 30s, 2m, PT1M)");
    }
  }
}
