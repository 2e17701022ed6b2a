package io.strandsetl.notify;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.store.ExecutionStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A pipeline's {@code notifications} section: who else is told and after which outcomes.
 *
 * <pre>{@code
 * notifications:
 *   enabled: true                      # default true
 *   recipients: [oncall@example.com]   # in addition to stakeholders and notify.to
 *   on: [failure, cancelled]           # default: success, failure, cancelled (every run)
 * }</pre>
 *
 * @param enabled false: no run message for this pipeline (alerts still go out)
 * @param recipients extra addresses, in file order
 * @param on the outcomes that send the run message
 */
public record NotificationPolicy(
    boolean enabled, List<String> recipients, Set<ExecutionStatus> on) {
  /** Every run, to the stakeholders and {@code notify.to}. */
  public static final NotificationPolicy DEFAULT =
      new NotificationPolicy(true, List.of(), EnumSet.allOf(ExecutionStatus.class));

  private static final Map<String, ExecutionStatus> OUTCOMES =
      Map.of(
          "success", ExecutionStatus.SUCCEEDED,
          "failure", ExecutionStatus.FAILED,
          "cancelled", ExecutionStatus.CANCELLED);
  private static final Set<String> KEYS = new TreeSet<>(List.of("enabled", "recipients", "on"));

  public NotificationPolicy {
    recipients = List.copyOf(recipients);
    on = on.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(on));
  }

  /** True when a run that ended in {@code status} gets the run message. */
  public boolean sendsFor(ExecutionStatus status) {
    return enabled && on.contains(status);
  }

  /**
   * Parses the section as the pipeline loader keeps it (ordered YAML values); an empty map is
   * {@link #DEFAULT}. Every problem is reported at once, naming the key.
   *
   * @throws StrandsException {@code INVALID_PIPELINE}
   */
  public static NotificationPolicy from(Map<String, Object> section) {
    if (section == null || section.isEmpty()) {
      return DEFAULT;
    }
    List<String> problems = new ArrayList<>();
    for (String key : section.keySet()) {
      if (!KEYS.contains(key)) {
        problems.add("unknown key notifications." + key + " (known: " + KEYS + ")");
      }
    }
    boolean enabled = true;
    Object rawEnabled = section.get("enabled");
    if (rawEnabled instanceof Boolean b) {
      enabled = b;
    } else if (rawEnabled != null) {
      problems.add("notifications.enabled: '" + rawEnabled + "' (expected true or false)");
    }
    List<String> recipients = new ArrayList<>();
    for (Object value : list(section.get("recipients"), "recipients", problems)) {
      if (value instanceof String s && EmailMessage.isAddress(s)) {
        recipients.add(s.strip());
      } else {
        problems.add(
            "notifications.recipients: '"
                + value
                + "' (expected an address such as a@example.com)");
      }
    }
    Set<ExecutionStatus> on = EnumSet.allOf(ExecutionStatus.class);
    if (section.containsKey("on")) {
      on = EnumSet.noneOf(ExecutionStatus.class);
      for (Object value : list(section.get("on"), "on", problems)) {
        ExecutionStatus status =
            value == null ? null : OUTCOMES.get(value.toString().strip().toLowerCase(Locale.ROOT));
        if (status == null) {
          problems.add(
              "notifications.on: '"
                  + value
                  + "' (known: "
                  + new TreeSet<>(OUTCOMES.keySet())
                  + ")");
        } else {
          on.add(status);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new StrandsException(
          ErrorCode.INVALID_PIPELINE, "Invalid " + String.join("; ", problems));
    }
    return new NotificationPolicy(enabled, recipients, on);
  }

  private static List<?> list(Object value, String key, List<String> problems) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> l) {
      return l;
    }
    if (value instanceof String s) {
      return List.of(s.split(","));
    }
    problems.add("notifications." + key + ": '" + value + "' (expected a list)");
    return List.of();
  }
}
