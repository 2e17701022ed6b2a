package io.strandsetl.agents.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * In-process publish/subscribe of {@link RunEvent}s. Delivery is synchronous on the publishing
 * thread, in subscription order; a subscriber that throws is logged and does not stop the others
 * nor the run (events are observations, not control flow).
 */
public final class EventBus {
  private static final System.Logger LOG = System.getLogger(EventBus.class.getName());

  private final List<Subscription<?>> subscriptions = new CopyOnWriteArrayList<>();
  private final List<RunEvent> history = new ArrayList<>();

  private record Subscription<E extends RunEvent>(Class<E> type, Consumer<? super E> consumer) {
    void deliver(RunEvent event) {
      if (type.isInstance(event)) {
        consumer.accept(type.cast(event));
      }
    }
  }

  /** Receives every later event of {@code type} (use {@code RunEvent.class} for all). */
  public <E extends RunEvent> void subscribe(Class<E> type, Consumer<? super E> consumer) {
    subscriptions.add(new Subscription<>(type, consumer));
  }

  public void publish(RunEvent event) {
    synchronized (history) {
      history.add(event);
    }
    for (Subscription<?> s : subscriptions) {
      try {
        s.deliver(event);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Cannot deliver " + event + ": " + e, e);
      }
    }
  }

  /** Every event published so far, in order. */
  public List<RunEvent> history() {
    synchronized (history) {
      return List.copyOf(history);
    }
  }
}
