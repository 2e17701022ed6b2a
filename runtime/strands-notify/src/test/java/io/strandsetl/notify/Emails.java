package io.strandsetl.notify;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Messages for tests. */
public final class Emails {
  private Emails() {}

  public static EmailMessage message(String key, List<String> to) {
    return message(key, to, null);
  }

  public static EmailMessage message(String key, List<String> to, Path runDirectory) {
    String from = "strands@example.com";
    return new EmailMessage(
        EmailMessage.idFor(key, from),
        from,
        to,
        "[Strands ETL] Job " + key + " - SUCCEEDED",
        "plain text of " + key + "\n",
        "<!DOCTYPE html><html><body><p>html of " + key + "</p></body></html>\n",
        Instant.parse("2026-11-25T10:00:00Z"),
        runDirectory);
  }
}
