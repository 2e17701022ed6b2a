package io.strandsetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.notify.EmailMessage;
import io.strandsetl.notify.file.FileEmailSender;
import io.strandsetl.notify.outbox.Outbox;
import io.strandsetl.notify.outbox.RetryPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyCommandTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StrandsCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void drainSendsWhatIsDueAndListShowsItAsSent() throws Exception {
    Path outbox = dir.resolve("outbox.db");
    Path mail = dir.resolve("mail");
    // A message stored by an earlier run but never sent (e.g. the process stopped).
    try (Outbox stored =
        Outbox.open(
            outbox, new FileEmailSender(mail, mail), RetryPolicy.DEFAULT, Clock.systemUTC())) {
      stored.enqueue(
          new EmailMessage(
              EmailMessage.idFor("run/e1", "etl@example.com"),
              "etl@example.com",
              List.of("team@example.com"),
              "[Strands ETL] Job orders - SUCCEEDED",
              "text",
              "<p>html</p>",
              Instant.now(),
              null));
    }

    Result drained =
        run(
            "notify", "drain",
            "--set", "notify.outbox.path=" + outbox,
            "--set", "notify.dir=" + mail);

    assertThat(drained.code()).isEqualTo(0);
    assertThat(drained.out())
        .contains("SENT")
        .contains("team@example.com")
        .contains("[Strands ETL] Job orders - SUCCEEDED")
        .contains("1 attempted, 1 sent, 0 still pending");
    try (Stream<Path> files = Files.list(mail)) {
      assertThat(files.filter(p -> p.toString().endsWith(".eml"))).hasSize(1);
    }

    Result again = run("notify", "drain", "--set", "notify.outbox.path=" + outbox);
    assertThat(again.out()).contains("no message was due").contains("0 attempted, 0 sent");

    Result listed =
        run(
            "notify",
            "list",
            "--status",
            "sent",
            "--format",
            "json",
            "--set",
            "notify.outbox.path=" + outbox);
    assertThat(listed.code()).isEqualTo(0);
    assertThat(listed.out()).contains("\"status\" : \"SENT\"").contains("\"attempts\" : 1");
  }

  @Test
  void unknownNotifyKeyIsAUserError() {
    Result result =
        run(
            "notify", "drain",
            "--set", "notify.outbox.path=" + dir.resolve("o.db"),
            "--set", "notify.smtp.hots=mail");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "strands: Invalid settings: unknown keys [notify.smtp.hots] (see"
                + " docs/configuration.md)\n");
  }

  @Test
  void unknownStatusIsAUserError() {
    Result result =
        run(
            "notify",
            "list",
            "--status",
            "lost",
            "--set",
            "notify.outbox.path=" + dir.resolve("o.db"));

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains("Invalid --status: 'lost' (expected pending, sending, sent or failed)");
  }
}
