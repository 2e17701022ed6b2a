package io.strandsetl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.strandsetl.engine.config.SettingsLoader;
import io.strandsetl.engine.track.TrackingStores;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.TrackingStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every store command takes: {@code --config}, {@code --set} (as {@code analyze}) and
 * {@code --format text|json}.
 */
final class StoreOptions {
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A properties file of settings (store.type, store.sqlite.path, …).")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one setting, e.g. --set store.sqlite.path=/tmp/t.db.")
  List<String> overrides = List.of();

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description =
          "text (aligned table) or json (docs/schemas/cli-store.md); default ${DEFAULT-VALUE}.")
  String format;

  Settings settings() {
    return load(config, overrides);
  }

  static Settings load(Path config, List<String> overrides) {
    Map<String, String> set = new LinkedHashMap<>();
    for (String o : overrides) {
      var e = SettingsLoader.parseOverride(o);
      set.put(e.getKey(), e.getValue());
    }
    return SettingsLoader.load(config, System.getenv(), set);
  }

  TrackingStore open() {
    return TrackingStores.open(settings());
  }

  boolean json() {
    return switch (format) {
      case "json" -> true;
      case "text" -> false;
      default ->
          throw new StrandsException(
              ErrorCode.INVALID_ARGUMENT, "Invalid --format: '" + format + "' (use text or json)");
    };
  }

  static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new StrandsException(ErrorCode.INTERNAL_ERROR, "Cannot write JSON: " + e, e);
    }
  }
}
