package io.strandsetl.engine.config;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Builds {@link Settings} from, in increasing precedence: a properties file ({@code --config}),
 * environment variables, and {@code --set key=value} overrides.
 *
 * <p>Environment variables: {@code STRANDS__DETECTOR__DATA_SKEW__MIN_RATIO=7} sets {@code
 * detector.data-skew.min-ratio}: the prefix {@code STRANDS__} is dropped, a double underscore is a
 * dot and a single underscore a dash; letters are lower-cased.
 */
public final class SettingsLoader {
  static final String ENV_PREFIX = "STRANDS__";

  private SettingsLoader() {}

  public static Settings load(
      Path configFile, Map<String, String> environment, Map<String, String> overrides) {
    Map<String, String> values = new TreeMap<>();
    if (configFile != null) {
      values.putAll(readProperties(configFile));
    }
    environment.forEach(
        (name, value) -> {
          if (name.startsWith(ENV_PREFIX)) {
            values.put(envToKey(name), value);
          }
        });
    values.putAll(overrides);
    return Settings.of(values);
  }

  static String envToKey(String name) {
    String rest = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
    return rest.replace("__", "\u0000").replace('_', '-').replace('\u0000', '.');
  }

  private static Map<String, String> readProperties(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new StrandsException(
          ErrorCode.PATH_NOT_FOUND,
          "Cannot read config " + file + ": no such file (check the --config path)");
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG, "Cannot read config " + file + ": " + e.getMessage());
    }
    Map<String, String> values = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> values.put(k.trim(), p.getProperty(k).trim()));
    return values;
  }

  /** Parses one {@code key=value} override. */
  public static Map.Entry<String, String> parseOverride(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid --set: '"
              + text
              + "' (expected key=value, e.g. detector.data-skew.min-ratio=7)");
    }
    return Map.entry(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
  }
}
