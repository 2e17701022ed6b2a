package io.strandsetl.compliance.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses (RFC 5321 dot-atom local part, a host name with a letters-only top-level domain
 * of 2-24 characters). Score {@value #SCORE}: the shape is specific enough that random text matches
 * it only when it is an address (Presidio scores its e-mail pattern 0.5 and lifts it to 1.0 when
 * the TLD validates; we validate the TLD shape, not the IANA list).
 */
final class EmailRecognizer implements Recognizer {
  static final double SCORE = 0.9;
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![A-Za-z0-9._%+'-])([A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)"
              + "@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+([A-Za-z]{2,24}))(?![A-Za-z0-9-])");

  @Override
  public String name() {
    return "email";
  }

  @Override
  public EntityType entity() {
    return EntityType.EMAIL_ADDRESS;
  }

  @Override
  public Set<String> contextWords() {
    return Set.of("email", "mail", "e-mail", "contact", "address");
  }

  @Override
  public List<Match> find(String text) {
    if (text.indexOf('@') < 0) {
      return List.of();
    }
    List<Match> out = new ArrayList<>(1);
    Matcher m = EMAIL.matcher(text);
    while (m.find()) {
      if (m.group(1).length() > 64 || m.group(2).length() > 253) {
        continue; // RFC 5321 length limits
      }
      out.add(new Match(entity(), name(), m.start(), m.end(), SCORE, "address shape"));
    }
    return out;
  }
}
