package io.strandsetl.compliance.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment card numbers (PANs): 12-19 digits, optionally grouped with one kind of separator, that
 * pass the Luhn check. The issuer identification number and length must also fit a known scheme
 * ({@link #scheme}); then the score is {@value #KNOWN_SCHEME} (a random digit string passes Luhn 1
 * time in 10 and a scheme's prefix and length rarely), else {@value #LUHN_ONLY} (needs context).
 */
final class PaymentCardRecognizer implements Recognizer {
  static final double KNOWN_SCHEME = 0.9;
  static final double LUHN_ONLY = 0.3;
  private static final Pattern CANDIDATE =
      Pattern.compile("(?<![\\w.,-])\\d(?:[ -]?\\d){11,18}(?![\\w-]|[.,]\\d)");

  @Override
  public String name() {
    return "payment-card";
  }

  @Override
  public EntityType entity() {
    return EntityType.PAYMENT_CARD;
  }

  @Override
  public Set<String> contextWords() {
    return Set.of(
        "card", "credit", "debit", "cc", "pan", "visa", "mastercard", "amex", "discover", "cards");
  }

  @Override
  public List<Match> find(String text) {
    return find(text, 0);
  }

  /** A card's 12-19 digits are one run (spaces and dashes are run separators): start there. */
  @Override
  public List<Match> find(String text, int firstLongRun) {
    List<Match> out = new ArrayList<>(1);
    Matcher m =
        CANDIDATE
            .matcher(text)
            .region(Math.max(0, firstLongRun), text.length())
            .useTransparentBounds(true);
    while (m.find()) {
      String raw = m.group();
      if (raw.indexOf(' ') >= 0 && raw.indexOf('-') >= 0) {
        continue; // mixed separators: two numbers side by side, not one card
      }
      String digits = Checksums.digitsOf(raw);
      if (!Checksums.luhn(digits)) {
        continue;
      }
      String scheme = scheme(digits);
      out.add(
          new Match(
              entity(),
              name(),
              m.start(),
              m.end(),
              scheme == null ? LUHN_ONLY : KNOWN_SCHEME,
              scheme == null ? "luhn ok" : "luhn ok, " + scheme));
    }
    return out;
  }

  /** The card scheme whose IIN range and lengths fit, or null. */
  static String scheme(String d) {
    int n = d.length();
    int p2 = Integer.parseInt(d.substring(0, 2));
    int p3 = Integer.parseInt(d.substring(0, 3));
    int p4 = Integer.parseInt(d.substring(0, 4));
    int p6 = Integer.parseInt(d.substring(0, 6));
    if (d.charAt(0) == '4' && (n == 13 || n == 16 || n == 19)) {
      return "visa";
    }
    if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n == 16) {
      return "mastercard";
    }
    if ((p2 == 34 || p2 == 37) && n == 15) {
      return "amex";
    }
    if ((p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925))
        && n >= 16
        && n <= 19) {
      return "discover";
    }
    if (((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) && n >= 14 && n <= 19) {
      return "diners";
    }
    if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19) {
      return "jcb";
    }
    if (p2 == 62 && n >= 16 && n <= 19) {
      return "unionpay";
    }
    if ((p2 == 50 || (p2 >= 56 && p2 <= 69)) && n >= 12 && n <= 19) {
      return "maestro";
    }
    if (p2 == 22 && n == 16) {
      return "mir";
    }
    return null;
  }
}
