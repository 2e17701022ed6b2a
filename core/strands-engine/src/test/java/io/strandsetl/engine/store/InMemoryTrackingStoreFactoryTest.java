package io.strandsetl.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.model.store.TrackingStoreFactory;
import org.junit.jupiter.api.Test;

class InMemoryTrackingStoreFactoryTest {
  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void serviceLoaderFindsTheMemoryStore() {
    try (TrackingStore store =
        TrackingStoreFactory.named("memory", loader).create(Settings.empty())) {
      assertThat(store).isInstanceOf(InMemoryTrackingStore.class);
    }
  }

  @Test
  void unknownStoreTypeNamesTheKnownOnes() {
    assertThatThrownBy(() -> TrackingStoreFactory.named("sqlit", loader))
        .isInstanceOf(StrandsException.class)
        .hasMessage("Invalid store type: 'sqlit' (known: [memory])");
  }
}
