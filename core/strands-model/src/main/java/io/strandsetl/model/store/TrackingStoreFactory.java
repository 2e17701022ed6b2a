package io.strandsetl.model.store;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Creates a {@link TrackingStore}; found by {@link ServiceLoader} under its {@link #name()}, the
 * value of {@code store.type} ({@code memory}, {@code sqlite}, {@code postgres}).
 */
public interface TrackingStoreFactory {
  /** The store type; also the config namespace {@code store.<name>.*}. */
  String name();

  /** One line: where the data lives. */
  String description();

  /** Opens (and creates or migrates, where needed) a store configured by {@code store.*} keys. */
  TrackingStore create(Settings settings);

  /**
   * The factory named {@code name} on the class path of {@code loader}.
   *
   * @throws StrandsException {@code UNKNOWN_PLUGIN} naming the known types
   */
  static TrackingStoreFactory named(String name, ClassLoader loader) {
    TreeMap<String, TrackingStoreFactory> known = new TreeMap<>();
    for (TrackingStoreFactory factory : ServiceLoader.load(TrackingStoreFactory.class, loader)) {
      known.putIfAbsent(factory.name(), factory);
    }
    TrackingStoreFactory factory = known.get(name);
    if (factory == null) {
      throw new StrandsException(
          ErrorCode.UNKNOWN_PLUGIN,
          "Invalid store type: '" + name + "' (known: " + known.keySet() + ")");
    }
    return factory;
  }
}
