package io.strandsetl.notify.outbox;

import io.strandsetl.notify.EmailMessage;
import io.strandsetl.notify.EmailSender;
import io.strandsetl.notify.SendResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/** A hand-written sender whose answers the test scripts; records every message it was given. */
final class ScriptedSender implements EmailSender {
  final List<EmailMessage> received = new ArrayList<>();
  private final Deque<Function<EmailMessage, SendResult>> script = new ArrayDeque<>();
  private Function<EmailMessage, SendResult> otherwise = m -> new SendResult.Accepted("ok");

  ScriptedSender then(Function<EmailMessage, SendResult> answer) {
    script.add(answer);
    return this;
  }

  ScriptedSender thenAlways(Function<EmailMessage, SendResult> answer) {
    otherwise = answer;
    return this;
  }

  static SendResult down(EmailMessage m) {
    return new SendResult.Rejected("Cannot send via SMTP mail:25: Connection refused", false);
  }

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public SendResult send(EmailMessage message) {
    received.add(message);
    Function<EmailMessage, SendResult> answer = script.isEmpty() ? otherwise : script.poll();
    return answer.apply(message);
  }
}
