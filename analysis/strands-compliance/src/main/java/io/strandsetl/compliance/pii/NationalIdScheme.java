package io.strandsetl.compliance.pii;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One national identifier: its written shape and its check. Scores follow how much the shape and
 * check exclude: digit-only numbers with one mod-10/11 check digit (BSN, TC Kimlik, AMKA, South
 * African ID) are {@value #DIGITS_ONLY} (a random number passes 1 time in 10 or 11, and free text
 * is full of numbers) and need context; shapes with letters or fixed separators and a check
 * character (codice fiscale, DNI, CPF written 000.000.000-00) are {@value #SHAPED}.
 *
 * @param id stable name, as in python-stdnum where it exists (e.g. {@code it_codicefiscale})
 * @param pattern the written forms, anchored on word boundaries
 * @param check validates one matched string
 * @param score score of a match that passes {@code check}
 * @param minDigitRun digits the identifier has in one run (separators allowed): a text without such
 *     a run is not searched (0: letters carry the shape)
 */
record NationalIdScheme(
    String id, Pattern pattern, Predicate<String> check, double score, int minDigitRun) {
  static final double DIGITS_ONLY = 0.3;

  /** Most digits in one run: the minimum, or 12 for the Swedish 10/12-digit forms. */
  int maxDigitRun() {
    return id.equals("se_personnummer") ? 12 : minDigitRun;
  }

  static final double SHAPED = 0.65;

  static List<NationalIdScheme> all() {
    return List.of(
        new NationalIdScheme(
            "it_codicefiscale",
            Pattern.compile(
                "(?<![A-Za-z0-9])[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z](?![A-Za-z0-9])"),
            NationalIdScheme::codiceFiscale,
            0.8,
            0),
        new NationalIdScheme(
            "es_dni",
            Pattern.compile("(?<![A-Za-z0-9])[XYZxyz]?\\d{7,8}-?[A-Za-z](?![A-Za-z0-9])"),
            NationalIdScheme::spanishDni,
            SHAPED,
            7),
        new NationalIdScheme(
            "br_cpf",
            Pattern.compile("(?<![\\d.-])\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2}(?![\\d-]|\\.\\d)"),
            NationalIdScheme::cpf,
            DIGITS_ONLY,
            11),
        new NationalIdScheme(
            "gb_nino",
            Pattern.compile(
                "(?<![A-Za-z0-9])[A-Za-z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-Da-d](?![A-Za-z0-9])"),
            NationalIdScheme::nino,
            0.5,
            6),
        new NationalIdScheme(
            "kr_rrn",
            Pattern.compile("(?<![\\d-])\\d{6}-?\\d{7}(?![\\d-])"),
            NationalIdScheme::koreanRrn,
            DIGITS_ONLY,
            13),
        new NationalIdScheme(
            "za_idnr",
            Pattern.compile("(?<![\\d-])\\d{6} ?\\d{4} ?\\d{2} ?\\d(?![\\d-])"),
            NationalIdScheme::southAfricanId,
            DIGITS_ONLY,
            13),
        new NationalIdScheme(
            "in_aadhaar",
            Pattern.compile("(?<![\\d-])[2-9]\\d{3}[ -]?\\d{4}[ -]?\\d{4}(?![\\d-])"),
            s -> Checksums.verhoeff(Checksums.digitsOf(s)),
            DIGITS_ONLY,
            12),
        new NationalIdScheme(
            "se_personnummer",
            Pattern.compile("(?<![\\d-])(?:\\d{2})?\\d{6}[-+]?\\d{4}(?![\\d-])"),
            NationalIdScheme::swedishPersonnummer,
            DIGITS_ONLY,
            10),
        new NationalIdScheme(
            "no_fodselsnummer",
            Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){10}(?![\\d-])"),
            NationalIdScheme::norwegianFodselsnummer,
            DIGITS_ONLY,
            11),
        new NationalIdScheme(
            "tr_tckimlik",
            Pattern.compile("(?<![\\d-])[1-9]\\d{10}(?![\\d-])"),
            NationalIdScheme::turkishKimlik,
            DIGITS_ONLY,
            11),
        new NationalIdScheme(
            "gr_amka",
            Pattern.compile("(?<![\\d-])\\d{11}(?![\\d-])"),
            NationalIdScheme::greekAmka,
            DIGITS_ONLY,
            11),
        new NationalIdScheme(
            "nl_bsn",
            Pattern.compile("(?<![\\d-])\\d{4}\\.?\\d{2}\\.?\\d{3}(?![\\d-])"),
            NationalIdScheme::dutchBsn,
            DIGITS_ONLY,
            9));
  }

  // ---- checks -------------------------------------------------------------------------------

  private static final int[] CF_ODD_DIGITS = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};

  /** Codice fiscale: 16 characters, check letter from odd/even position tables mod 26. */
  static boolean codiceFiscale(String raw) {
    String s = raw.toUpperCase(Locale.ROOT);
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = s.charAt(i);
      if ((i + 1) % 2 == 1) { // odd 1-based position
        sum += Character.isDigit(c) ? CF_ODD_DIGITS[c - '0'] : oddLetter(c);
      } else {
        sum += Character.isDigit(c) ? c - '0' : c - 'A';
      }
    }
    return s.charAt(15) == (char) ('A' + sum % 26);
  }

  private static int oddLetter(char c) {
    // Values of A..Z at odd positions: A=1 B=0 C=5 D=7 E=9 F=13 G=15 H=17 I=19 J=21 K=2 L=4 M=18
    // N=20 O=11 P=3 Q=6 R=8 S=12 T=14 U=16 V=10 W=22 X=25 Y=24 Z=23.
    int[] values = {
      1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
    };
    return values[c - 'A'];
  }

  /** DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter): letter = table[number mod 23]. */
  static boolean spanishDni(String raw) {
    String s = raw.toUpperCase(Locale.ROOT).replace("-", "");
    char first = s.charAt(0);
    String number;
    if (first == 'X' || first == 'Y' || first == 'Z') {
      if (s.length() != 9) {
        return false;
      }
      number = (first - 'X') + s.substring(1, 8);
    } else {
      if (s.length() != 9) {
        return false;
      }
      number = s.substring(0, 8);
    }
    return "TRWAGMYFPDXBNJZSQVHLCKE".charAt(Integer.parseInt(number) % 23) == s.charAt(8);
  }

  /** CPF: two mod-11 check digits (weights 10..2 then 11..2); all-equal digits are invalid. */
  static boolean cpf(String raw) {
    String d = Checksums.digitsOf(raw);
    if (d.length() != 11 || d.chars().distinct().count() == 1) {
      return false;
    }
    int c1 = 11 - Checksums.weighted(d, 10, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
    c1 = c1 >= 10 ? 0 : c1;
    int c2 = 11 - Checksums.weighted(d, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
    c2 = c2 >= 10 ? 0 : c2;
    return d.charAt(9) - '0' == c1 && d.charAt(10) - '0' == c2;
  }

  /**
   * UK National Insurance number (no check digit): prefix letters exclude D, F, I, Q, U, V, the
   * second is not O, and BG, GB, KN, NK, NT, TN, ZZ are never issued.
   */
  static boolean nino(String raw) {
    String s = raw.toUpperCase(Locale.ROOT).replace(" ", "");
    char a = s.charAt(0);
    char b = s.charAt(1);
    String prefix = s.substring(0, 2);
    return "DFIQUV".indexOf(a) < 0
        && "DFIQUVO".indexOf(b) < 0
        && !List.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ").contains(prefix);
  }

  /** Korean RRN: birth date + weights 2..9,2..5, check = (11 - sum mod 11) mod 10. */
  static boolean koreanRrn(String raw) {
    String d = Checksums.digitsOf(raw);
    if (d.length() != 13 || !validDate(d.substring(0, 6), false)) {
      return false;
    }
    int sum = Checksums.weighted(d, 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5);
    return (11 - sum % 11) % 10 == d.charAt(12) - '0';
  }

  /** South African ID: YYMMDD birth date, Luhn over the 13 digits. */
  static boolean southAfricanId(String raw) {
    String d = Checksums.digitsOf(raw);
    return d.length() == 13 && validDate(d.substring(0, 6), false) && Checksums.luhn(d);
  }

  /** Personnummer: (YY)YYMMDD[-+]NNNC, Luhn over the 10-digit form; day + 60 for coordination. */
  static boolean swedishPersonnummer(String raw) {
    String d = Checksums.digitsOf(raw);
    if (d.length() == 12) {
      d = d.substring(2);
    }
    if (d.length() != 10) {
      return false;
    }
    int day = Integer.parseInt(d.substring(4, 6));
    String date = d.substring(0, 4) + String.format(Locale.ROOT, "%02d", day > 60 ? day - 60 : day);
    return validDate(date, false) && Checksums.luhn(d);
  }

  /** Fødselsnummer: DDMMYY + individual number + two mod-11 check digits. */
  static boolean norwegianFodselsnummer(String raw) {
    String d = Checksums.digitsOf(raw);
    if (d.length() != 11) {
      return false;
    }
    int k1 = 11 - Checksums.weighted(d, 3, 7, 6, 1, 8, 9, 4, 5, 2) % 11;
    k1 = k1 == 11 ? 0 : k1;
    int k2 = 11 - Checksums.weighted(d, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2) % 11;
    k2 = k2 == 11 ? 0 : k2;
    return k1 < 10 && k2 < 10 && d.charAt(9) - '0' == k1 && d.charAt(10) - '0' == k2;
  }

  /** T.C. Kimlik No: 11 digits, first not 0, two check digits. */
  static boolean turkishKimlik(String raw) {
    String d = Checksums.digitsOf(raw);
    if (d.length() != 11 || d.charAt(0) == '0') {
      return false;
    }
    int odd = Checksums.weighted(d, 1, 0, 1, 0, 1, 0, 1, 0, 1);
    int even = Checksums.weighted(d, 0, 1, 0, 1, 0, 1, 0, 1, 0);
    int c10 = Math.floorMod(odd * 7 - even, 10);
    int c11 = (Checksums.weighted(d, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)) % 10;
    return d.charAt(9) - '0' == c10 && d.charAt(10) - '0' == c11;
  }

  /** AMKA (Greek social security number): DDMMYY birth date, Luhn over the 11 digits. */
  static boolean greekAmka(String raw) {
    String d = Checksums.digitsOf(raw);
    return d.length() == 11 && validDate(d.substring(0, 6), true) && Checksums.luhn(d);
  }

  /** BSN: the "11-test" 9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11, not all zeros. */
  static boolean dutchBsn(String raw) {
    String d = Checksums.digitsOf(raw);
    if (d.length() != 9 || d.equals("000000000")) {
      return false;
    }
    int sum = Checksums.weighted(d, 9, 8, 7, 6, 5, 4, 3, 2) - (d.charAt(8) - '0');
    return sum % 11 == 0;
  }

  /** A calendar date from six digits, YYMMDD or (dayFirst) DDMMYY, in either century. */
  private static boolean validDate(String sixDigits, boolean dayFirst) {
    int a = Integer.parseInt(sixDigits.substring(0, 2));
    int m = Integer.parseInt(sixDigits.substring(2, 4));
    int c = Integer.parseInt(sixDigits.substring(4, 6));
    int yy = dayFirst ? c : a;
    int dd = dayFirst ? a : c;
    try {
      LocalDate.of(2000 + yy, m, dd); // 2000 is a leap year, so 29 Feb of any century passes
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
