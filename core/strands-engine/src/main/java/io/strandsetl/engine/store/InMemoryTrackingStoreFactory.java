package io.strandsetl.engine.store;

import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.model.store.TrackingStoreFactory;

/** {@code store.type=memory}: an {@link InMemoryTrackingStore}; takes no settings. */
public final class InMemoryTrackingStoreFactory implements TrackingStoreFactory {
  @Override
  public String name() {
    return "memory";
  }

  @Override
  public String description() {
    return "in this process's memory; lost when it exits (tests)";
  }

  @Override
  public TrackingStore create(Settings settings) {
    return new InMemoryTrackingStore();
  }
}
