package io.strandsetl.compliance.pii;

/**
 * The shape of a matched value with its content hidden, for reports: e-mail addresses keep the
 * first character and the top-level domain ({@code j***@***.com}); everything else keeps separators
 * and the first letter, hides other letters and keeps at most the last two digits ({@code
 * ***-**-**89}). A sample never contains the value, nor enough of it to look it up.
 */
public final class MaskedSample {
  private MaskedSample() {}

  public static String of(String text, Match m) {
    return of(text.substring(m.start(), m.end()), m.entity());
  }

  public static String of(String value, EntityType entity) {
    if (entity == EntityType.EMAIL_ADDRESS) {
      int at = value.indexOf('@');
      int dot = value.lastIndexOf('.');
      if (at > 0 && dot > at) {
        return value.charAt(0) + "***@***" + value.substring(dot);
      }
    }
    int digits = 0;
    for (int i = 0; i < value.length(); i++) {
      if (Character.isDigit(value.charAt(i))) {
        digits++;
      }
    }
    int keepDigitsFrom = digits >= 6 ? digits - 2 : digits; // short numbers are hidden whole
    StringBuilder b = new StringBuilder(value.length());
    int seenDigits = 0;
    boolean firstLetter = true;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isDigit(c)) {
        b.append(seenDigits++ >= keepDigitsFrom ? c : '*');
      } else if (Character.isLetter(c)) {
        b.append(firstLetter ? c : '*');
        firstLetter = false;
      } else {
        b.append(c);
        if (Character.isWhitespace(c)) {
          firstLetter = true;
        }
      }
    }
    return b.toString();
  }
}
