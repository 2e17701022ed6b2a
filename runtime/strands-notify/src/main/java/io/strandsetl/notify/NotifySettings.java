package io.strandsetl.notify;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.notify.outbox.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The general {@code notify.*} keys (sender-specific keys are read by each sender's factory). All
 * defaults are here.
 *
 * @param enabled {@code notify.enabled}, default true; false sends nothing
 * @param type {@code notify.type}: {@code file} (default), {@code smtp} or {@code ses}
 * @param from {@code notify.from}, default {@code strands-etl@localhost}
 * @param to {@code notify.to}: comma-separated addresses that get every message, in addition to the
 *     run's stakeholders; default none
 * @param dashboardUrl {@code notify.dashboard-url}: base URL of the dashboard; null when unset
 * @param outboxPath {@code notify.outbox.path}, default {@code ~/.strands/notify-outbox.db}
 * @param retry {@code notify.outbox.max-attempts} (10), {@code initial-backoff-seconds} (30),
 *     {@code max-backoff-seconds} (3600), {@code lease-seconds} (300)
 * @param keep {@code notify.outbox.keep-days} (30): SENT and FAILED messages older than this are
 *     deleted by {@link Notifier#drain()}; a notification re-sent after that is sent again
 */
public record NotifySettings(
    boolean enabled,
    String type,
    String from,
    List<String> to,
    String dashboardUrl,
    Path outboxPath,
    RetryPolicy retry,
    Duration keep) {
  public static final String DEFAULT_FROM = "strands-etl@localhost";

  public NotifySettings {
    to = List.copyOf(to);
    if (keep.isNegative() || keep.isZero()) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid notify.outbox.keep-days: '" + keep.toDays() + "' (must be >= 1)");
    }
  }

  public static NotifySettings from(Settings settings) {
    boolean enabled = settings.getBoolean("notify.enabled", true);
    String type = settings.string("notify.type").map(String::strip).orElse("file");
    String from = settings.string("notify.from").map(String::strip).orElse(DEFAULT_FROM);
    if (!EmailMessage.isAddress(from)) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid notify.from: '" + from + "' (expected an address such as etl@example.com)");
    }
    List<String> to = new ArrayList<>();
    for (String part : settings.string("notify.to").orElse("").split(",")) {
      if (part.isBlank()) {
        continue;
      }
      if (!EmailMessage.isAddress(part)) {
        throw new StrandsException(
            ErrorCode.INVALID_CONFIG,
            "Invalid notify.to: '"
                + part.strip()
                + "' (expected comma-separated addresses such as a@example.com,b@example.com)");
      }
      to.add(part.strip());
    }
    String dashboard =
        settings.string("notify.dashboard-url").filter(s -> !s.isBlank()).orElse(null);
    Path outbox =
        settings
            .string("notify.outbox.path")
            .map(Path::of)
            .orElseGet(
                () -> Path.of(System.getProperty("user.home"), ".strands", "notify-outbox.db"));
    RetryPolicy defaults = RetryPolicy.DEFAULT;
    RetryPolicy retry =
        new RetryPolicy(
            settings.getInt("notify.outbox.max-attempts", defaults.maxAttempts()),
            Duration.ofSeconds(
                settings.getLong(
                    "notify.outbox.initial-backoff-seconds", defaults.initialDelay().toSeconds())),
            Duration.ofSeconds(
                settings.getLong(
                    "notify.outbox.max-backoff-seconds", defaults.maxDelay().toSeconds())),
            Duration.ofSeconds(
                settings.getLong("notify.outbox.lease-seconds", defaults.lease().toSeconds())));
    Duration keep = Duration.ofDays(settings.getLong("notify.outbox.keep-days", 30));
    return new NotifySettings(enabled, type, from, to, dashboard, outbox, retry, keep);
  }
}
