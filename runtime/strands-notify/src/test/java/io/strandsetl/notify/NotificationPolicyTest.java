package io.strandsetl.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.notify.message.RunNotice;
import io.strandsetl.notify.outbox.Delivery;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationPolicyTest {
  @TempDir Path dir;

  @Test
  void emptySectionMeansEveryRunToTheStakeholders() {
    NotificationPolicy policy = NotificationPolicy.from(Map.of());

    assertThat(policy).isEqualTo(NotificationPolicy.DEFAULT);
    assertThat(policy.sendsFor(ExecutionStatus.SUCCEEDED)).isTrue();
    assertThat(policy.sendsFor(ExecutionStatus.FAILED)).isTrue();
  }

  @Test
  void readsRecipientsAndOutcomes() {
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("recipients", List.of("oncall@example.com"));
    section.put("on", List.of("failure", "Cancelled"));

    NotificationPolicy policy = NotificationPolicy.from(section);

    assertThat(policy.recipients()).containsExactly("oncall@example.com");
    assertThat(policy.sendsFor(ExecutionStatus.SUCCEEDED)).isFalse();
    assertThat(policy.sendsFor(ExecutionStatus.FAILED)).isTrue();
    assertThat(policy.sendsFor(ExecutionStatus.CANCELLED)).isTrue();
  }

  @Test
  void reportsEveryProblemAtOnceNamingTheKey() {
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("recipients", List.of("bob"));
    section.put("on", List.of("sucess"));
    section.put("channel", "slack");
    section.put("enabled", "yes");

    assertThatThrownBy(() -> NotificationPolicy.from(section))
        .hasMessage(
            "Invalid unknown key notifications.channel (known: [enabled, on, recipients]);"
                + " notifications.enabled: 'yes' (expected true or false);"
                + " notifications.recipients: 'bob' (expected an address such as a@example.com);"
                + " notifications.on: 'sucess' (known: [cancelled, failure, success])");
  }

  @Test
  void notifierFollowsThePolicy() {
    Settings settings =
        Settings.of(
            Map.of(
                "notify.outbox.path", dir.resolve("o.db").toString(),
                "notify.dir", dir.resolve("mail").toString()));
    NotificationPolicy failuresOnly =
        NotificationPolicy.from(
            Map.of("on", List.of("failure"), "recipients", List.of("oncall@example.com")));
    try (Notifier notifier = Notifier.open(settings, new TestClock(Instant.EPOCH))) {
      assertThat(notifier.notifyRun(RunNotice.of(Runs.succeeded("j")), failuresOnly)).isEmpty();

      Delivery failed =
          notifier.notifyRun(RunNotice.of(Runs.failed("j")), failuresOnly).orElseThrow();

      assertThat(failed.recipients())
          .containsExactly("data-team@example.com", "oncall@example.com");
    }
  }
}
