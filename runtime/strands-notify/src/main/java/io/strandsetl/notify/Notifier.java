package io.strandsetl.notify;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.notify.message.Alert;
import io.strandsetl.notify.message.MessageContent;
import io.strandsetl.notify.message.MessageRenderer;
import io.strandsetl.notify.message.RunNotice;
import io.strandsetl.notify.outbox.Delivery;
import io.strandsetl.notify.outbox.Outbox;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The one entry point for callers (the Supervisor after each run, {@code strands notify drain}):
 * renders a message, addresses it, stores it in the outbox and tries to send it; {@link #drain()}
 * retries what is pending.
 *
 * <pre>{@code
 * try (Notifier notifier = Notifier.open(settings, Clock.systemUTC())) {
 *   Optional<Delivery> d = notifier.notifyRun(RunNotice.of(record).withRunDirectory(runDir));
 *   NotificationState state = d.map(Delivery::notificationState).orElse(NotificationState.NOT_SENT);
 * }
 * }</pre>
 *
 * <p>Never throws because a mail server is down: the message stays in the outbox (PENDING) and the
 * delivery says so. Throws {@code StrandsException} for invalid configuration and when the outbox
 * file cannot be written.
 */
public final class Notifier implements AutoCloseable {
  private final NotifySettings settings;
  private final MessageRenderer renderer;
  private final EmailSender sender;
  private final Outbox outbox;
  private final Clock clock;

  private Notifier(NotifySettings settings, EmailSender sender, Outbox outbox, Clock clock) {
    this.settings = settings;
    this.renderer = new MessageRenderer(settings.dashboardUrl());
    this.sender = sender;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * A notifier configured by {@code notify.*}: the sender named by {@code notify.type} (found by
   * {@link java.util.ServiceLoader}) behind the outbox at {@code notify.outbox.path}.
   */
  public static Notifier open(Settings settings, Clock clock) {
    NotifySettings notify = NotifySettings.from(settings);
    ClassLoader loader = Notifier.class.getClassLoader();
    // Keys of the sender types not chosen are known too: switching notify.type back and forth
    // must not make the other type's keys an error.
    for (EmailSenderFactory factory : ServiceLoader.load(EmailSenderFactory.class, loader)) {
      factory.keys().forEach(settings::string);
    }
    Set<String> unknown = settings.unknownKeys("notify.");
    if (!unknown.isEmpty()) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid settings: unknown keys " + unknown + " (see docs/configuration.md)");
    }
    EmailSender sender = EmailSenderFactory.named(notify.type(), loader).create(settings);
    return open(notify, sender, clock);
  }

  /** A notifier with a given sender (tests, or a caller that builds its own). */
  public static Notifier open(NotifySettings settings, EmailSender sender, Clock clock) {
    Outbox outbox = Outbox.open(settings.outboxPath(), sender, settings.retry(), clock);
    return new Notifier(settings, sender, outbox, clock);
  }

  public MessageRenderer renderer() {
    return renderer;
  }

  public Outbox outbox() {
    return outbox;
  }

  /** The run's stakeholders that are e-mail addresses, then {@code notify.to}, without repeats. */
  public List<String> recipients(ExecutionRecord execution) {
    return merge(execution.stakeholders());
  }

  /**
   * Sends the run message to the run's recipients. Idempotent: the message id is derived from the
   * execution id, so notifying the same run twice sends one message.
   *
   * @return the delivery; empty when notifications are disabled or nobody is to be told
   */
  public Optional<Delivery> notifyRun(RunNotice notice) {
    return notifyRun(notice, NotificationPolicy.DEFAULT);
  }

  /**
   * Sends the run message as the pipeline's {@code notifications} section says: only after the
   * outcomes it lists, to its extra recipients as well.
   *
   * @return the delivery; empty when disabled, not wanted for this outcome, or nobody is to be told
   */
  public Optional<Delivery> notifyRun(RunNotice notice, NotificationPolicy policy) {
    if (!policy.sendsFor(notice.execution().status())) {
      return Optional.empty();
    }
    List<String> to =
        merge(
            java.util.stream.Stream.concat(
                    notice.execution().stakeholders().stream(), policy.recipients().stream())
                .toList());
    return submit(renderer.render(notice), to, notice.runDirectory());
  }

  /**
   * Sends an alert to {@code recipients} and {@code notify.to}. The same alert key (e.g. the 80 %
   * budget alert of one period) is sent once.
   */
  public Optional<Delivery> notifyAlert(Alert alert, List<String> recipients, Path runDirectory) {
    return submit(renderer.render(alert), merge(recipients), runDirectory);
  }

  /**
   * Retries every pending message that is due ({@link Outbox#drain()}), then deletes SENT and
   * FAILED messages older than {@code notify.outbox.keep-days}.
   */
  public List<Delivery> drain() {
    List<Delivery> attempted = outbox.drain();
    outbox.purge(clock.instant().minus(settings.keep()));
    return attempted;
  }

  private Optional<Delivery> submit(MessageContent content, List<String> to, Path runDirectory) {
    if (!settings.enabled() || to.isEmpty()) {
      return Optional.empty();
    }
    EmailMessage message =
        new EmailMessage(
            EmailMessage.idFor(content.key(), settings.from()),
            settings.from(),
            to,
            content.subject(),
            content.text(),
            content.html(),
            clock.instant(),
            runDirectory);
    return Optional.of(outbox.submit(message));
  }

  private List<String> merge(List<String> first) {
    LinkedHashSet<String> all = new LinkedHashSet<>();
    for (String candidate : first) {
      if (EmailMessage.isAddress(candidate)) {
        all.add(candidate.strip());
      }
    }
    all.addAll(settings.to());
    return List.copyOf(all);
  }

  @Override
  public void close() {
    try {
      outbox.close();
    } finally {
      sender.close();
    }
  }
}
