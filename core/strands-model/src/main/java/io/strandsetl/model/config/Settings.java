package io.strandsetl.model.config;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flat, kebab-case configuration ({@code detector.data-skew.max-ratio = 5}). Components read their
 * typed values through it; every key read is remembered so that {@link #unknownKeys(String)} can
 * report keys nobody understood, all at once.
 */
public final class Settings {
  private final Map<String, String> values;
  private final Set<String> consumed = ConcurrentHashMap.newKeySet();

  private Settings(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  public static Settings of(Map<String, String> values) {
    return new Settings(values);
  }

  public static Settings empty() {
    return new Settings(Map.of());
  }

  public Map<String, String> asMap() {
    return values;
  }

  public Optional<String> string(String key) {
    consumed.add(key);
    return Optional.ofNullable(values.get(key));
  }

  public double getDouble(String key, double defaultValue) {
    return string(key)
        .map(v -> parse(key, v, Double::parseDouble, "a number"))
        .orElse(defaultValue);
  }

  public long getLong(String key, long defaultValue) {
    return string(key)
        .map(v -> parse(key, v, Long::parseLong, "a whole number"))
        .orElse(defaultValue);
  }

  public int getInt(String key, int defaultValue) {
    return string(key)
        .map(v -> parse(key, v, Integer::parseInt, "a whole number"))
        .orElse(defaultValue);
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    return string(key)
        .map(
            v -> {
              if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
              }
              throw invalid(key, v, "expected true or false");
            })
        .orElse(defaultValue);
  }

  /** Byte sizes accept plain bytes or a unit: {@code 128m}, {@code 1g}, {@code 64k} (binary). */
  public long getBytes(String key, long defaultValue) {
    return string(key).map(v -> parseBytes(key, v)).orElse(defaultValue);
  }

  public Optional<Secret> secret(String key) {
    return string(key).map(Secret::of);
  }

  /** Keys under {@code prefix} that no component has read, sorted. */
  public Set<String> unknownKeys(String prefix) {
    Set<String> unknown = new TreeSet<>();
    for (String key : values.keySet()) {
      if (key.startsWith(prefix) && !consumed.contains(key)) {
        unknown.add(key);
      }
    }
    return unknown;
  }

  static long parseBytes(String key, String raw) {
    String v = raw.trim().toLowerCase(java.util.Locale.ROOT);
    long multiplier = 1;
    if (v.endsWith("b")) {
      v = v.substring(0, v.length() - 1);
    }
    if (!v.isEmpty()) {
      char unit = v.charAt(v.length() - 1);
      switch (unit) {
        case 'k' -> multiplier = 1L << 10;
        case 'm' -> multiplier = 1L << 20;
        case 'g' -> multiplier = 1L << 30;
        case 't' -> multiplier = 1L << 40;
        default -> multiplier = 1;
      }
      if (multiplier != 1) {
        v = v.substring(0, v.length() - 1);
      }
    }
    try {
      return Math.round(Double.parseDouble(v.trim()) * multiplier);
    } catch (NumberFormatException e) {
      throw invalid(key, raw, "expected a size such as 10485760, 10m or 1g");
    }
  }

  private static <T> T parse(
      String key, String v, java.util.function.Function<String, T> f, String what) {
    try {
      return f.apply(v.trim());
    } catch (RuntimeException e) {
      throw invalid(key, v, "expected " + what);
    }
  }

  private static StrandsException invalid(String key, String value, String why) {
    return new StrandsException(
        ErrorCode.INVALID_CONFIG, "Invalid " + key + ": '" + value + "' (" + why + ")");
  }
}
