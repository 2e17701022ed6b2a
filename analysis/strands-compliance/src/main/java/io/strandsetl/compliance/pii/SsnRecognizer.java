package io.strandsetl.compliance.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US Social Security numbers. The SSA never issues area 000, 666 or 900-999, group 00 or serial
 * 0000, and some numbers were published in advertising (078-05-1120 from a wallet insert, the
 * 219-09-9999 sample card): those are rejected. Scores: {@value #DELIMITED} written 3-2-4 with one
 * consistent separator; {@value #BARE} as nine bare digits (any nine-digit number passes the range
 * rules, so only context lifts it over the threshold).
 */
final class SsnRecognizer implements Recognizer {
  static final double DELIMITED = 0.6;
  static final double BARE = 0.2;
  private static final Pattern SSN =
      Pattern.compile("(?<![\\d-])(\\d{3})([- .]?)(\\d{2})\\2(\\d{4})(?![\\d-])");
  private static final Set<String> ADVERTISED = Set.of("078051120", "219099999", "123456789");

  @Override
  public String name() {
    return "us-ssn";
  }

  @Override
  public EntityType entity() {
    return EntityType.US_SSN;
  }

  @Override
  public Set<String> contextWords() {
    return Set.of("ssn", "social", "security", "ss", "ssns", "taxpayer", "tin", "ssa");
  }

  @Override
  public List<Match> find(String text) {
    return find(text, 0);
  }

  /** An SSN's nine digits are one run (its separators are run separators): start there. */
  @Override
  public List<Match> find(String text, int firstLongRun) {
    List<Match> out = new ArrayList<>(1);
    Matcher m =
        SSN.matcher(text)
            .region(Math.max(0, firstLongRun), text.length())
            .useTransparentBounds(true);
    while (m.find()) {
      if (valid(m.group(1), m.group(3), m.group(4))) {
        boolean bare = m.group(2).isEmpty();
        out.add(
            new Match(
                entity(),
                name(),
                m.start(),
                m.end(),
                bare ? BARE : DELIMITED,
                bare ? "nine digits in SSN ranges" : "3-2-4 in SSN ranges"));
      }
    }
    return out;
  }

  static boolean valid(String area, String group, String serial) {
    int a = Integer.parseInt(area);
    return a != 0
        && a != 666
        && a < 900
        && !group.equals("00")
        && !serial.equals("0000")
        && !ADVERTISED.contains(area + group + serial);
  }
}
