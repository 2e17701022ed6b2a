package io.strandsetl.compliance.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers that are only numbers of some shape — medical record, health plan beneficiary,
 * account, certificate / licence and device serial numbers (HIPAA Safe Harbor H, I, J, K, M) —
 * recognised by a shape and the words around them or the column name. The shape alone scores
 * {@value #SHAPE_ONLY} (below the threshold: "123456" is not a medical record number until "MRN" or
 * a column {@code mrn} says so); a scheme with a check (DEA registration numbers, NPI, IMEI) or a
 * fixed layout (Medicare MBI) scores {@value #VALIDATED}, still needing context, but winning
 * overlaps with the plain shape.
 *
 * @param name recognizer name
 * @param entity what it finds
 * @param contextWords words that lift the score
 * @param shape candidates
 * @param validated candidates that pass a scheme's check (may be {@code v -> false})
 * @param validation what the check is, for the match detail
 */
public record ContextIdRecognizer(
    String name,
    EntityType entity,
    Set<String> contextWords,
    Pattern shape,
    Predicate<String> validated,
    String validation)
    implements Recognizer {
  static final double SHAPE_ONLY = 0.15;
  static final double VALIDATED = 0.3;

  @Override
  public double bestWithoutContext() {
    return VALIDATED;
  }

  /** Medical record numbers: 5–12 digits with an optional short letter prefix ("MRN-00123456"). */
  public static ContextIdRecognizer medicalRecord() {
    return new ContextIdRecognizer(
        "medical-record-number",
        EntityType.MEDICAL_RECORD_NUMBER,
        Set.of("mrn", "medical", "record", "chart", "emr", "ehr", "mr"),
        Pattern.compile("(?<![\\w-])(?:[A-Za-z]{1,4}[-#]?)?\\d{5,12}(?![\\w-])"),
        v -> false,
        "");
  }

  /** Health plan beneficiary numbers: 6–20 letters and digits (≥ 4 digits); Medicare MBI layout. */
  public static ContextIdRecognizer healthPlan() {
    return new ContextIdRecognizer(
        "health-plan-number",
        EntityType.HEALTH_PLAN_NUMBER,
        Set.of(
            "beneficiary",
            "insurance",
            "insurer",
            "plan",
            "policy",
            "member",
            "subscriber",
            "medicare",
            "medicaid",
            "mbi",
            "hicn",
            "payer",
            "coverage"),
        Pattern.compile(
            "(?<![\\w-])(?=(?:[A-Za-z-]*\\d){4})[A-Za-z0-9][A-Za-z0-9-]{4,18}[A-Za-z0-9](?![\\w-])"),
        ContextIdRecognizer::medicareMbi,
        "medicare mbi layout");
  }

  /** Account numbers: 6–17 digits, optionally grouped by '-' or a space. */
  public static ContextIdRecognizer account() {
    return new ContextIdRecognizer(
        "account-number",
        EntityType.ACCOUNT_NUMBER,
        Set.of("account", "acct", "acc", "accounts", "billing", "customer"),
        Pattern.compile("(?<![\\w-])\\d(?:[- ]?\\d){5,16}(?![\\w-])"),
        v -> false,
        "");
  }

  /** Certificate / licence numbers: 5–15 letters and digits (≥ 4 digits); DEA and NPI checked. */
  public static ContextIdRecognizer license() {
    return new ContextIdRecognizer(
        "license-number",
        EntityType.LICENSE_NUMBER,
        Set.of(
            "license",
            "licence",
            "licensed",
            "dl",
            "driver",
            "drivers",
            "permit",
            "certificate",
            "cert",
            "npi",
            "dea",
            "registration"),
        Pattern.compile(
            "(?<![\\w-])(?=(?:[A-Za-z-]*\\d){4})[A-Za-z0-9][A-Za-z0-9-]{3,13}[A-Za-z0-9](?![\\w-])"),
        v -> dea(v) || npi(v),
        "dea or npi check digit");
  }

  /** Device identifiers and serial numbers: 6–20 letters and digits (≥ 3 digits); IMEI Luhn. */
  public static ContextIdRecognizer deviceSerial() {
    return new ContextIdRecognizer(
        "device-serial",
        EntityType.DEVICE_ID,
        Set.of("serial", "device", "imei", "meid", "udi", "udid", "sn", "implant", "equipment"),
        Pattern.compile(
            "(?<![\\w-])(?=(?:[A-Za-z-]*\\d){3})[A-Za-z0-9][A-Za-z0-9-]{4,18}[A-Za-z0-9](?![\\w-])"),
        ContextIdRecognizer::imei,
        "imei luhn");
  }

  /** The five, in the order they should run. */
  public static List<Recognizer> all() {
    return List.of(medicalRecord(), healthPlan(), account(), license(), deviceSerial());
  }

  @Override
  public List<Match> find(String text) {
    List<Match> out = new ArrayList<>(1);
    Matcher m = shape.matcher(text);
    while (m.find()) {
      boolean checked = validated.test(m.group());
      out.add(
          new Match(
              entity,
              name,
              m.start(),
              m.end(),
              checked ? VALIDATED : SHAPE_ONLY,
              checked ? validation : "identifier shape"));
    }
    return out;
  }

  /**
   * Medicare Beneficiary Identifier (CMS): 11 characters, position 1 a digit 1–9, 4, 7, 10, 11
   * digits, 2, 5, 8, 9 letters, 3 and 6 a letter or digit; letters exclude S L O I B Z.
   */
  static boolean medicareMbi(String v) {
    String s = v.replace("-", "").toUpperCase(java.util.Locale.ROOT);
    if (s.length() != 11 || s.charAt(0) < '1' || s.charAt(0) > '9') {
      return false;
    }
    String layout = "CAXNAXNAANN";
    for (int i = 1; i < 11; i++) {
      char c = s.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      boolean letter = c >= 'A' && c <= 'Z' && "SLOIBZ".indexOf(c) < 0;
      boolean ok =
          switch (layout.charAt(i)) {
            case 'N' -> digit;
            case 'A' -> letter;
            default -> digit || letter;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * DEA registration number: two letters and seven digits; (d1 + d3 + d5) + 2 × (d2 + d4 + d6) ends
   * with d7.
   */
  static boolean dea(String v) {
    if (v.length() != 9
        || !Character.isLetter(v.charAt(0))
        || !(Character.isLetter(v.charAt(1)) || v.charAt(1) == '9')) {
      return false;
    }
    int[] d = new int[7];
    for (int i = 0; i < 7; i++) {
      char c = v.charAt(i + 2);
      if (c < '0' || c > '9') {
        return false;
      }
      d[i] = c - '0';
    }
    int sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
    return sum % 10 == d[6];
  }

  /** US National Provider Identifier: 10 digits, Luhn over the prefix 80840 and the digits. */
  static boolean npi(String v) {
    return v.length() == 10 && Checksums.allDigits(v) && Checksums.luhn("80840" + v);
  }

  /** IMEI: 15 digits with a Luhn check digit. */
  static boolean imei(String v) {
    return v.length() == 15 && Checksums.allDigits(v) && Checksums.luhn(v);
  }
}
