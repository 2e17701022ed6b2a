package io.strandsetl.compliance.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * International bank account numbers: a country code with its registered length (SWIFT IBAN
 * Registry release 99, 89 countries, plus 22 countries whose banks issue IBANs outside the
 * registry) and the ISO 7064 MOD 97-10 check. A random candidate passes both about 1 time in 97 at
 * the right length, so a validated IBAN scores {@value #SCORE}. Electronic (no spaces) and print
 * (groups of four) formats are read; lower case is accepted.
 */
final class IbanRecognizer implements Recognizer {
  static final double SCORE = 1.0;
  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![A-Za-z0-9])(?:[A-Za-z]{2}|[A-Z]{2} )\\d{2}(?:[ .-]?[A-Za-z0-9]){11,30}");

  /** IBAN length per country, from the SWIFT registry. */
  static final Map<String, Integer> LENGTHS = lengths();

  private static Map<String, Integer> lengths() {
    String table =
        "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27"
            + " DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28"
            + " HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21"
            + " LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29"
            + " PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23"
            + " TN24 TR26 UA29 VA22 VG24 XK20 YE30"
            // Published by their banks but not (yet) in the SWIFT registry (the "experimental"
            // IBANs of West and Central Africa, Iran and others, as listed by Nordea and iban.com).
            + " AO25 BF27 BJ28 CF27 CG27 CI28 CM27 CV25 DZ26 GA27 GQ27 GW25 IR26 KM27 MA28 MG27 ML28"
            + " MZ25 NE28 SN28 TD27 TG28";
    Map<String, Integer> map = new TreeMap<>();
    for (String entry : table.split(" ")) {
      map.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  @Override
  public String name() {
    return "iban";
  }

  @Override
  public EntityType entity() {
    return EntityType.IBAN;
  }

  @Override
  public Set<String> contextWords() {
    return Set.of("iban", "bank", "account", "transfer", "wire", "sepa", "acct");
  }

  @Override
  public List<Match> find(String text) {
    List<Match> out = new ArrayList<>(1);
    Matcher m = CANDIDATE.matcher(text);
    int from = 0;
    while (from < text.length() && m.find(from)) {
      int end = validEnd(text, m.start(), m.end());
      if (end > 0) {
        out.add(new Match(entity(), name(), m.start(), end, SCORE, "length and mod-97 ok"));
        from = end;
      } else {
        from = m.start() + 1;
      }
    }
    return out;
  }

  /**
   * The end of the IBAN starting at {@code start} when its first {@code length(country)}
   * alphanumerics pass the check and end at a word boundary, else -1. The candidate pattern is
   * greedy (it may swallow a following word); the registered length says where the IBAN stops.
   */
  private static int validEnd(String text, int start, int candidateEnd) {
    String country = text.substring(start, start + 2).toUpperCase(Locale.ROOT);
    Integer length = LENGTHS.get(country);
    if (length == null) {
      return -1;
    }
    StringBuilder iban = new StringBuilder(length);
    int i = start;
    while (i < candidateEnd && iban.length() < length) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        iban.append(Character.toUpperCase(c));
      }
      i++;
    }
    if (iban.length() < length) {
      return -1;
    }
    if (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
      return -1; // more alphanumerics right after: not this IBAN
    }
    return Checksums.ibanMod97(iban.toString()) ? i : -1;
  }

  /** True when {@code value} is exactly one valid IBAN (separators and case ignored). */
  static boolean isValid(String value) {
    String s = value.replaceAll("[ .-]", "").toUpperCase(Locale.ROOT);
    if (s.length() < 5) {
      return false;
    }
    Integer length = LENGTHS.get(s.substring(0, 2));
    return length != null
        && s.length() == length
        && s.chars().allMatch(Character::isLetterOrDigit)
        && Checksums.ibanMod97(s);
  }
}
