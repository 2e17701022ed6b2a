package io.strandsetl.compliance.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers: candidates (digits with phone separators, 7-15 digits) parsed by Google's
 * libphonenumber ({@code parse}, then {@code isValidNumber}: a valid number uses an assigned prefix
 * of its region; a possible one only has a plausible length). Numbers written with an international
 * prefix ({@code +44 …}) are found whatever the region hints; national numbers are tried against
 * each region hint in order (default US, GB, DE, FR, IN, BR, CA, AU).
 *
 * <p>Scores: {@value #FORMATTED} when written as people write phone numbers (a leading +, or digits
 * grouped by spaces, dashes, dots or parentheses); {@value #BARE} for an unbroken digit string,
 * which is as likely an order or account number and needs context. A 3-2-4 group is the SSA's
 * layout, not a phone format of any hinted region, so it is left to {@link SsnRecognizer}.
 */
final class PhoneRecognizer implements Recognizer {
  static final double FORMATTED = 0.6;
  static final double BARE = 0.3;
  static final double SECONDARY_REGION = 0.3;
  static final double POSSIBLE = 0.15;
  static final List<String> DEFAULT_REGIONS =
      List.of("US", "GB", "DE", "FR", "IN", "BR", "CA", "AU");
  private static final Pattern SSN_SHAPE = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");

  /** Digits with the separators people put in phone numbers; libphonenumber decides. */
  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![\\w+])\\+?\\(?\\d[\\d ().\\-/]{5,22}\\d(?:\\s?(?:x|ext\\.?|#)\\s?\\d{1,6})?(?![\\w])");

  /** A dotted quad is an IPv4 address. */
  private static final Pattern DOTTED_QUAD =
      Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  /** An ISO date (with a time) is a timestamp. */
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final List<String> regions;

  PhoneRecognizer(List<String> regions) {
    this.regions = List.copyOf(regions.isEmpty() ? DEFAULT_REGIONS : regions);
  }

  @Override
  public String name() {
    return "phone";
  }

  @Override
  public EntityType entity() {
    return EntityType.PHONE_NUMBER;
  }

  @Override
  public Set<String> contextWords() {
    return Set.of(
        "phone",
        "tel",
        "telephone",
        "mobile",
        "cell",
        "call",
        "fax",
        "contact",
        "number",
        "whatsapp",
        "sms",
        "dial",
        "reach",
        "landline",
        "ph");
  }

  @Override
  public List<Match> find(String text) {
    List<Match> out = new ArrayList<>(1);
    Matcher candidate = CANDIDATE.matcher(text);
    while (candidate.find()) {
      int digits = 0;
      for (int i = candidate.start(); i < candidate.end(); i++) {
        char c = text.charAt(i);
        if (c >= '0' && c <= '9') {
          digits++;
        }
      }
      if (digits < 7 || digits > 15) {
        continue; // E.164 numbers have at most 15 digits; no region's numbers have fewer than 7
      }
      findIn(text, candidate.start(), candidate.end(), out);
    }
    return out;
  }

  /**
   * Parses the candidate with libphonenumber ({@code parse}, much cheaper than its text matcher): a
   * number with an international prefix once, a national one with each region hint until one says
   * valid; else the first region for which it is possible.
   */
  private void findIn(String text, int from, int to, List<Match> out) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    String raw = text.substring(from, to);
    if (SSN_SHAPE.matcher(raw).matches()
        || DOTTED_QUAD.matcher(raw).matches()
        || ISO_DATE.matcher(raw).find()) {
      return;
    }
    int start = from;
    if (from > 0 && text.charAt(from - 1) == '+') {
      start--; // the candidate pattern leaves out a '+' right before it
    }
    String candidate = text.substring(start, to);
    boolean international = candidate.startsWith("+") || candidate.startsWith("00");
    boolean formatted = international || !Checksums.allDigits(candidate);
    String possibleRegion = null;
    List<String> tries = international ? List.of(regions.get(0)) : regions;
    String parsed = digitsOnly(candidate);
    for (int r = 0; r < tries.size(); r++) {
      Phonenumber.PhoneNumber number;
      try {
        number = util.parse(parsed, tries.get(r));
      } catch (NumberParseException e) {
        continue;
      }
      if (util.isValidNumber(number)) {
        double score = !(international || r == 0) ? SECONDARY_REGION : formatted ? FORMATTED : BARE;
        out.add(
            new Match(entity(), name(), start, to, score, "valid for +" + number.getCountryCode()));
        return;
      }
      if (possibleRegion == null && util.isPossibleNumber(number)) {
        possibleRegion = tries.get(r);
      }
    }
    if (possibleRegion != null) {
      out.add(
          new Match(
              entity(), name(), start, to, POSSIBLE, "possible length for " + possibleRegion));
    }
  }

  /**
   * The candidate's leading '+' and digits when it holds nothing else than the separators {@code
   * space ( ) . - /}: libphonenumber strips those itself ({@code normalize}), so the number is the
   * same, and its parse is ~15 % faster on the bare form. A candidate with an extension is left as
   * written (its "x"/"ext" is read by libphonenumber).
   */
  static String digitsOnly(String candidate) {
    StringBuilder out = new StringBuilder(candidate.length());
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (c >= '0' && c <= '9' || c == '+' && i == 0) {
        out.append(c);
      } else if (!(c == ' ' || c == '(' || c == ')' || c == '.' || c == '-' || c == '/')) {
        return candidate;
      }
    }
    return out.toString();
  }
}
