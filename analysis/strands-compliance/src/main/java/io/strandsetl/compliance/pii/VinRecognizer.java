package io.strandsetl.compliance.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vehicle identification numbers (ISO 3779; HIPAA Safe Harbor identifier L): 17 characters of
 * digits and capital letters without I, O and Q, with letters and digits both present. The ninth
 * character is the check digit of North American VINs (49 CFR 565.15: letters transliterated,
 * weights 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2, sum mod 11, 10 written X). Scores: {@value #CHECKED}
 * with a valid check digit (a random string passes 1 time in 11); {@value #SHAPE_ONLY} without
 * (European VINs need not carry one: only context, e.g. "vin", lifts them).
 */
public final class VinRecognizer implements Recognizer {
  static final double CHECKED = 0.6;
  static final double SHAPE_ONLY = 0.2;
  private static final Pattern VIN =
      Pattern.compile("(?<![A-Za-z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9])");
  private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  @Override
  public String name() {
    return "vin";
  }

  @Override
  public EntityType entity() {
    return EntityType.VEHICLE_ID;
  }

  @Override
  public Set<String> contextWords() {
    return Set.of("vin", "vehicle", "chassis", "car", "auto", "frame", "registration");
  }

  @Override
  public List<Match> find(String text) {
    List<Match> out = new ArrayList<>(1);
    Matcher m = VIN.matcher(text);
    while (m.find()) {
      String v = m.group();
      int digits = 0;
      for (int i = 0; i < v.length(); i++) {
        if (Character.isDigit(v.charAt(i))) {
          digits++;
        }
      }
      if (digits < 3 || digits == v.length()) {
        continue; // a word in capitals, or a plain number
      }
      boolean checked = checkDigitValid(v);
      out.add(
          new Match(
              entity(),
              name(),
              m.start(),
              m.end(),
              checked ? CHECKED : SHAPE_ONLY,
              checked ? "vin check digit ok" : "vin shape, no check digit"));
    }
    return out;
  }

  /** The ninth character is the weighted sum mod 11 of the transliterated characters. */
  static boolean checkDigitValid(String vin) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += value(vin.charAt(i)) * WEIGHTS[i];
    }
    int check = sum % 11;
    char expected = check == 10 ? 'X' : (char) ('0' + check);
    return vin.charAt(8) == expected;
  }

  private static int value(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    // A-H = 1-8, J-N = 1-5, P = 7, R = 9, S-Z = 2-9 (I, O, Q never appear).
    return switch (c) {
      case 'A', 'J' -> 1;
      case 'B', 'K', 'S' -> 2;
      case 'C', 'L', 'T' -> 3;
      case 'D', 'M', 'U' -> 4;
      case 'E', 'N', 'V' -> 5;
      case 'F', 'W' -> 6;
      case 'G', 'P', 'X' -> 7;
      case 'H', 'Y' -> 8;
      case 'R', 'Z' -> 9;
      default -> 0;
    };
  }
}
