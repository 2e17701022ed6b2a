package io.strandsetl.compliance.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  /** {@code \d{3}-\d{2}-\d{4}}, the whole text (by hand: a regex per candidate cost ~0.1 µs). */
  static boolean isSsnShape(String s) {
    if (s.length() != 11 || s.charAt(3) != '-' || s.charAt(6) != '-') {
      return false;
    }
    for (int i = 0; i < 11; i++) {
      if (i != 3 && i != 6 && !isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code \d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}}, the whole text. */
  static boolean isDottedQuad(String s) {
    int groups = 0;
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isDigit(c)) {
        if (++digits > 3) {
          return false;
        }
      } else if (c == '.' && digits > 0 && groups < 3) {
        groups++;
        digits = 0;
      } else {
        return false;
      }
    }
    return groups == 3 && digits > 0;
  }

  /** {@code \d{4}-\d{2}-\d{2}} somewhere in the text. */
  static boolean hasIsoDate(String s) {
    for (int i = s.indexOf('-'); i >= 0 && i + 6 <= s.length(); i = s.indexOf('-', i + 1)) {
      if (i >= 4
          && isDigit(s.charAt(i - 4))
          && isDigit(s.charAt(i - 3))
          && isDigit(s.charAt(i - 2))
          && isDigit(s.charAt(i - 1))
          && isDigit(s.charAt(i + 1))
          && isDigit(s.charAt(i + 2))
          && s.charAt(i + 3) == '-'
          && isDigit(s.charAt(i + 4))
          && isDigit(s.charAt(i + 5))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Digits with the separators people put in phone numbers; libphonenumber decides. */
  static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![\\w+])\\+?\\(?\\d[\\d ().\\-/]{5,22}\\d(?:\\s?(?:x|ext\\.?|#)\\s?\\d{1,6})?(?![\\w])");

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
    int[] spans = candidates(text);
    for (int k = 0; k < spans.length; k += 2) {
      int digits = 0;
      for (int i = spans[k]; i < spans[k + 1]; i++) {
        char c = text.charAt(i);
        if (c >= '0' && c <= '9') {
          digits++;
        }
      }
      if (digits < 7 || digits > 15) {
        continue; // E.164 numbers have at most 15 digits; no region's numbers have fewer than 7
      }
      findIn(text, spans[k], spans[k + 1], out);
    }
    return out;
  }

  /** Texts up to this many chars have their candidate spans remembered by {@link #classes}. */
  static final int MEMO_MAX_LENGTH = 40;

  private static final int MEMO_MAX_ENTRIES = 4096;
  private static final int[] NO_SPANS = new int[0];

  /**
   * Candidate spans (start, end pairs) of short texts by their {@link #classes} string: the
   * candidate pattern sees a digit as any digit, so "+1 212 555 0147" and "+1 646 555 9210" have
   * the same spans, and a typed phone column has a handful of layouts. Cleared when full.
   */
  private final Map<String, int[]> spansByLayout = new ConcurrentHashMap<>();

  int[] candidates(String text) {
    if (text.length() > MEMO_MAX_LENGTH) {
      return spans(text);
    }
    String layout = classes(text);
    int[] known = spansByLayout.get(layout);
    if (known == null) {
      known = spans(layout);
      if (spansByLayout.size() >= MEMO_MAX_ENTRIES) {
        spansByLayout.clear();
      }
      spansByLayout.put(layout, known);
    }
    return known;
  }

  private static int[] spans(CharSequence text) {
    int from = firstPossibleStart(text);
    if (from < 0) {
      return NO_SPANS;
    }
    // The search starts where a match could (transparent bounds: the look-behind still sees the
    // chars before); a regex tries every position of a comment otherwise.
    Matcher candidate =
        CANDIDATE.matcher(text).region(from, text.length()).useTransparentBounds(true);
    int[] out = NO_SPANS;
    while (candidate.find()) {
      out = Arrays.copyOf(out, out.length + 2);
      out[out.length - 2] = candidate.start();
      out[out.length - 1] = candidate.end();
    }
    return out;
  }

  /**
   * Where the leftmost candidate can start: a candidate has a digit followed by at least six chars
   * of {@code [\d ().\-/]}, and may start two chars before it ({@code +(}); -1 when no digit is.
   */
  static int firstPossibleStart(CharSequence text) {
    int leftmost = -1;
    int run = 0; // chars of [\d ().\-/] from i on (the text is read backwards)
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      run = isCandidateChar(c) ? run + 1 : 0;
      if (run >= 7 && isDigit(c)) {
        leftmost = i;
      }
    }
    return leftmost < 0 ? -1 : Math.max(0, leftmost - 2);
  }

  private static boolean isCandidateChar(char c) {
    return c >= '0' && c <= '9'
        || c == ' '
        || c == '('
        || c == ')'
        || c == '.'
        || c == '-'
        || c == '/';
  }

  /**
   * The text with each char replaced by its class as far as {@link #CANDIDATE} can tell: digits
   * become 0; the pattern's literals ({@code + ( ) . - / #}, {@code x e t}) and whitespace stay;
   * other word chars ({@code \w}) become a; anything else becomes ~. Matching the pattern on it
   * gives the same spans as on the text.
   */
  static String classes(String text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        out[i] = '0';
      } else if (c == '+'
          || c == '('
          || c == ')'
          || c == '.'
          || c == '-'
          || c == '/'
          || c == '#'
          || c == 'x'
          || c == 'e'
          || c == 't'
          || c == ' '
          || c == '\t'
          || c == '\n'
          || c == '\u000B'
          || c == '\f'
          || c == '\r') {
        out[i] = c;
      } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
        out[i] = 'a';
      } else {
        out[i] = '~';
      }
    }
    return new String(out);
  }

  /**
   * Parses the candidate with libphonenumber ({@code parse}, much cheaper than its text matcher): a
   * number with an international prefix once, a national one with each region hint until one says
   * valid; else the first region for which it is possible.
   */
  private void findIn(String text, int from, int to, List<Match> out) {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    String raw = text.substring(from, to);
    if (isSsnShape(raw) || isDottedQuad(raw) || hasIsoDate(raw)) {
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
    boolean plus = parsed.startsWith("+");
    String digits = plus ? parsed.substring(1) : parsed;
    boolean decidable = Checksums.allDigits(digits);
    for (int r = 0; r < tries.size(); r++) {
      // The automata answer for libphonenumber when they can (~95 % of numbers, ~80x faster).
      PhoneValidity.Verdict verdict =
          decidable ? PhoneValidity.of(digits, plus, tries.get(r)) : PhoneValidity.UNDECIDED;
      int countryCode = verdict.countryCode();
      boolean valid = verdict.kind() == PhoneValidity.Kind.VALID;
      boolean possible = verdict.kind() == PhoneValidity.Kind.POSSIBLE;
      if (verdict.kind() == PhoneValidity.Kind.UNDECIDED) {
        Phonenumber.PhoneNumber number;
        try {
          number = util.parse(parsed, tries.get(r));
        } catch (NumberParseException e) {
          continue;
        }
        countryCode = number.getCountryCode();
        valid = util.isValidNumber(number);
        possible = !valid && util.isPossibleNumber(number);
      }
      if (valid) {
        double score = !(international || r == 0) ? SECONDARY_REGION : formatted ? FORMATTED : BARE;
        out.add(
            new Match(
                entity(),
                name(),
                start,
                to,
                score,
                countryCode >= 0 && countryCode < VALID_FOR.length
                    ? VALID_FOR[countryCode]
                    : "valid for +" + countryCode));
        return;
      }
      if (possibleRegion == null && possible) {
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
    char[] out = new char[candidate.length()];
    int n = 0;
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (c >= '0' && c <= '9' || c == '+' && i == 0) {
        out[n++] = c;
      } else if (!(c == ' ' || c == '(' || c == ')' || c == '.' || c == '-' || c == '/')) {
        return candidate;
      }
    }
    return new String(out, 0, n);
  }

  /** "valid for +N" of each calling code (1-999), made once instead of once per number. */
  private static final String[] VALID_FOR = new String[1000];

  static {
    for (int code = 0; code < VALID_FOR.length; code++) {
      VALID_FOR[code] = "valid for +" + code;
    }
  }
}
