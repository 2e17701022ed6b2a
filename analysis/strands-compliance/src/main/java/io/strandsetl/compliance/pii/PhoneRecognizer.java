package io.strandsetl.compliance.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers found by Google's libphonenumber ({@code findNumbers} with leniency POSSIBLE, then
 * {@code isValidNumber}: a valid number uses an assigned prefix of its region; a possible one only
 * has a plausible length). Numbers written with an international prefix ({@code +44 …}) are found
 * whatever the region hints; national numbers are tried against each region hint in order (default
 * US, GB, DE, FR, IN, BR, CA, AU).
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

  /** A dotted quad is an IPv4 address; an ISO date (with a time) is a timestamp. */
  private static final Pattern NOT_A_PHONE =
      Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|.*\\d{4}-\\d{2}-\\d{2}.*");

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
   * Runs libphonenumber on the candidate only (it is slow on long texts), with a few characters of
   * lead-in so that a "+" or "(" just before the candidate is seen, trying each region hint until
   * one finds a valid number.
   */
  private void findIn(String text, int from, int to, List<Match> out) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    int lead = Math.max(0, from - 2);
    String window = text.substring(lead, to);
    List<Match> fallback = null;
    for (int r = 0; r < regions.size(); r++) {
      String region = regions.get(r);
      boolean primary = r == 0;
      List<Match> found = new ArrayList<>(1);
      boolean anyValid = false;
      for (PhoneNumberMatch m :
          util.findNumbers(window, region, PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
        String raw = m.rawString();
        if (SSN_SHAPE.matcher(raw).matches() || NOT_A_PHONE.matcher(raw).matches()) {
          continue;
        }
        int start = lead + m.start();
        int end = lead + m.end();
        if (out.stream().anyMatch(o -> o.start() < end && start < o.end())) {
          continue;
        }
        boolean international = raw.startsWith("+") || raw.startsWith("00");
        boolean formatted = international || !Checksums.allDigits(raw);
        boolean valid = util.isValidNumber(m.number());
        anyValid |= valid;
        double score =
            !valid
                ? POSSIBLE
                : !(international || primary) ? SECONDARY_REGION : formatted ? FORMATTED : BARE;
        found.add(
            new Match(
                entity(),
                name(),
                start,
                end,
                score,
                valid
                    ? "valid for " + util.getRegionCodeForNumber(m.number())
                    : "possible length for " + region));
      }
      if (anyValid) {
        out.addAll(found);
        return;
      }
      if (fallback == null && !found.isEmpty()) {
        fallback = found;
      }
    }
    if (fallback != null) {
      out.addAll(fallback);
    }
  }
}
