package io.strandsetl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.strandsetl.engine.config.SettingsLoader;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.notify.Notifier;
import io.strandsetl.notify.outbox.Delivery;
import io.strandsetl.notify.outbox.DeliveryStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strands notify}: the e-mail outbox (docs/notifications.md). */
@Command(
    name = "notify",
    mixinStandardHelpOptions = true,
    subcommands = {NotifyCommand.Drain.class, NotifyCommand.ListMessages.class},
    description = {
      "The e-mail outbox: 'drain' retries pending messages that are due, 'list' shows messages."
    })
final class NotifyCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println("strands: notify needs a subcommand (see 'strands notify --help')");
    return 2;
  }

  /** Options shared by the subcommands. */
  static class Common {
    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "A properties file of settings (notify.* keys, see docs/configuration.md).")
    Path config;

    @Option(
        names = "--set",
        paramLabel = "KEY=VALUE",
        description = "Override one setting, e.g. --set notify.type=smtp.")
    List<String> overrides = new ArrayList<>();

    @Option(
        names = "--format",
        defaultValue = "text",
        description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    boolean json() {
      return switch (format.toLowerCase(Locale.ROOT)) {
        case "text" -> false;
        case "json" -> true;
        default ->
            throw new StrandsException(
                ErrorCode.INVALID_ARGUMENT,
                "Invalid --format: '" + format + "' (expected text or json)");
      };
    }

    Notifier open() {
      Map<String, String> set = new LinkedHashMap<>();
      overrides.forEach(
          o -> {
            var e = SettingsLoader.parseOverride(o);
            set.put(e.getKey(), e.getValue());
          });
      Settings settings = SettingsLoader.load(config, System.getenv(), set);
      // Notifier.open reports every unknown notify.* key at once (exit 2).
      return Notifier.open(settings, Clock.systemUTC());
    }
  }

  @Command(
      name = "drain",
      mixinStandardHelpOptions = true,
      description = {
        "Retries every pending message that is due (backoff in docs/notifications.md) and prints",
        "what happened to each. Exit 0 even when a server is still down (messages stay pending)."
      })
  static final class Drain extends Common implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      boolean json = json();
      try (Notifier notifier = open()) {
        List<Delivery> attempted = notifier.drain();
        print(spec.commandLine().getOut(), attempted, json, "no message was due");
        if (!json) {
          long sent = attempted.stream().filter(Delivery::sent).count();
          spec.commandLine()
              .getOut()
              .printf(
                  Locale.ROOT,
                  "%d attempted, %d sent, %d still pending in %s%n",
                  attempted.size(),
                  sent,
                  notifier.outbox().list(DeliveryStatus.PENDING).size(),
                  notifier.outbox().file());
        }
      }
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the messages of the outbox in one status, oldest first.")
  static final class ListMessages extends Common implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--status",
        defaultValue = "pending",
        description = "pending, sending, sent or failed (default: ${DEFAULT-VALUE}).")
    String status;

    @Override
    public Integer call() {
      boolean json = json();
      DeliveryStatus wanted;
      try {
        wanted = DeliveryStatus.valueOf(status.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new StrandsException(
            ErrorCode.INVALID_ARGUMENT,
            "Invalid --status: '" + status + "' (expected pending, sending, sent or failed)");
      }
      try (Notifier notifier = open()) {
        print(
            spec.commandLine().getOut(),
            notifier.outbox().list(wanted),
            json,
            "no " + status.toLowerCase(Locale.ROOT) + " message");
      }
      return 0;
    }
  }

  static void print(PrintWriter out, List<Delivery> deliveries, boolean json, String none) {
    if (json) {
      ObjectMapper mapper =
          new ObjectMapper()
              .findAndRegisterModules()
              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
              .enable(SerializationFeature.INDENT_OUTPUT);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Delivery d : deliveries) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("messageId", d.messageId());
        row.put("subject", d.subject());
        row.put("status", d.status().name());
        row.put("recipients", d.recipients());
        row.put("attempts", d.attempts());
        row.put("sentAt", d.sentAt() == null ? null : d.sentAt().toString());
        row.put("nextAttemptAt", d.nextAttemptAt() == null ? null : d.nextAttemptAt().toString());
        row.put("lastError", d.lastError());
        rows.add(row);
      }
      try {
        out.println(mapper.writeValueAsString(Map.of("messages", rows)));
      } catch (JsonProcessingException e) {
        throw new StrandsException(
            ErrorCode.INTERNAL_ERROR, "Cannot write JSON: " + e.getMessage(), e);
      }
      out.flush();
      return;
    }
    if (deliveries.isEmpty()) {
      out.println(none);
      out.flush();
      return;
    }
    TextTable table = new TextTable("STATUS", "ATTEMPTS>", "WHEN", "TO", "SUBJECT", "LAST ERROR");
    for (Delivery d : deliveries) {
      table.row(
          d.status(),
          d.attempts(),
          StoreFormats.instant(d.sentAt() != null ? d.sentAt() : d.nextAttemptAt()),
          String.join(",", d.recipients()),
          d.subject(),
          d.lastError().isEmpty() ? "-" : d.lastError());
    }
    out.print(table.render());
    out.flush();
  }
}
