package io.strandsetl.agents.runtime;

import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.TrackingStore;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What agents are built with.
 *
 * @param settings configuration ({@code agents.*}, {@code cost.*}, {@code store.*}, …)
 * @param store the tracking store, opened on first use (tools that need no history never open it)
 * @param clock the clock of invocations and predictions
 */
public record AgentContext(Settings settings, Supplier<TrackingStore> store, Clock clock) {
  public AgentContext {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(store, "store");
    clock = clock == null ? Clock.systemUTC() : clock;
  }
}
