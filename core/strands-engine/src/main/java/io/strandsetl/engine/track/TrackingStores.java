package io.strandsetl.engine.track;

import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.model.store.TrackingStoreFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Opens the tracking store that the settings name. The backend is found by {@link
 * TrackingStoreFactory} under {@code store.type} (default {@value #DEFAULT_TYPE}), so callers need
 * not know which backends exist.
 */
public final class TrackingStores {
  public static final String DEFAULT_TYPE = "sqlite";

  private TrackingStores() {}

  /** The configured store type, {@value #DEFAULT_TYPE} when {@code store.type} is not set. */
  public static String type(Settings settings) {
    String type = settings.string("store.type").orElse(DEFAULT_TYPE).trim();
    return type.isEmpty() ? DEFAULT_TYPE : type;
  }

  /**
   * Opens (creating or migrating where needed) the configured store.
   *
   * @throws StrandsException {@code UNKNOWN_PLUGIN} for an unknown {@code store.type}, one line
   *     naming the known types
   */
  public static TrackingStore open(Settings settings) {
    TrackingStoreFactory factory =
        TrackingStoreFactory.named(type(settings), TrackingStores.class.getClassLoader());
    return factory.create(withHomeExpanded(settings));
  }

  /**
   * One line: where the data lives, never a password ({@code sqlite:
   * /home/me/.strands/tracking.db}, {@code postgres: jdbc:postgresql://db:5432/strands as strands},
   * {@code memory}).
   */
  public static String location(Settings settings) {
    String type = type(settings);
    return switch (type) {
      case "sqlite" -> "sqlite: " + sqlitePath(settings);
      case "postgres" ->
          "postgres: "
              + redactUrl(settings.string("store.postgres.jdbc-url").orElse("(no jdbc-url)"))
              + settings.string("store.postgres.user").map(u -> " as " + u).orElse("");
      default -> type;
    };
  }

  /** The SQLite file the settings name: {@code store.sqlite.path}, default under the home. */
  public static Path sqlitePath(Settings settings) {
    return settings
        .string("store.sqlite.path")
        .map(TrackingStores::expandHome)
        .map(Path::of)
        .orElseGet(() -> Path.of(System.getProperty("user.home"), ".strands", "tracking.db"))
        .toAbsolutePath();
  }

  /**
   * {@code settings} with {@code store.sqlite.path} set to {@code path} unless the user configured
   * a store (type or path). The demo uses this to keep its runs out of the user's own store.
   */
  public static Settings withDefaultSqlitePath(Settings settings, Path path) {
    Map<String, String> values = settings.asMap();
    if (values.containsKey("store.type") || values.containsKey("store.sqlite.path")) {
      return settings;
    }
    Map<String, String> copy = new TreeMap<>(values);
    copy.put("store.sqlite.path", path.toAbsolutePath().toString());
    return Settings.of(copy);
  }

  private static Settings withHomeExpanded(Settings settings) {
    String path = settings.asMap().get("store.sqlite.path");
    if (path == null || !path.startsWith("~")) {
      return settings;
    }
    Map<String, String> copy = new TreeMap<>(settings.asMap());
    copy.put("store.sqlite.path", expandHome(path));
    return Settings.of(copy);
  }

  private static String expandHome(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      return System.getProperty("user.home") + path.substring(1);
    }
    return path;
  }

  /** A JDBC URL without credentials in its parameters ({@code password=…} becomes {@code ***}). */
  static String redactUrl(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***")
        .replaceAll("(?i)//([^/@:]+):([^/@]+)@", "//$1:***@");
  }
}
