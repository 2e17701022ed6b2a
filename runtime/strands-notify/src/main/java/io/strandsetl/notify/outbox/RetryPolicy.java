package io.strandsetl.notify.outbox;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.time.Duration;
import java.util.Objects;

/**
 * When to try again: exponential backoff without jitter (one process drains a small outbox, so
 * there is no herd to spread), doubling from {@code initialDelay} up to {@code maxDelay}.
 *
 * @param maxAttempts attempts in total before a message is FAILED, >= 1
 * @param initialDelay wait after the first failed attempt
 * @param maxDelay longest wait between two attempts
 * @param lease how long a claimed message is reserved for its sender; after that another drain
 *     takes it over (the sender is presumed dead). Longer than the sender's own timeouts
 */
public record RetryPolicy(
    int maxAttempts, Duration initialDelay, Duration maxDelay, Duration lease) {
  /** 10 attempts, 30 s doubling to 1 h (about 5 h in all), 5 min lease. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(10, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(5));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid notify.outbox.max-attempts: '" + maxAttempts + "' (must be >= 1)");
    }
    positive(initialDelay, "notify.outbox.initial-backoff-seconds");
    positive(maxDelay, "notify.outbox.max-backoff-seconds");
    positive(lease, "notify.outbox.lease-seconds");
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid notify.outbox.max-backoff-seconds: '"
              + maxDelay.toSeconds()
              + "' (must be >= the initial backoff "
              + initialDelay.toSeconds()
              + ")");
    }
  }

  /** The wait after {@code attempts} failed attempts (1 = after the first): initial × 2^(n−1). */
  public Duration delayAfter(int attempts) {
    Duration delay = initialDelay;
    for (int i = 1; i < attempts && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  private static void positive(Duration value, String key) {
    Objects.requireNonNull(value, key);
    if (value.isNegative() || value.isZero()) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG, "Invalid " + key + ": '" + value + "' (must be > 0)");
    }
  }
}
