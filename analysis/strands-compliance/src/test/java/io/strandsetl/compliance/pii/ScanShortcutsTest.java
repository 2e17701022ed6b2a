package io.strandsetl.compliance.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The scanner's hand-written tests replace regular expressions for speed; each must say exactly
 * what its expression says. Checked on random strings drawn from the chars the expressions care
 * about (digits and separators weighted up, so that the shapes occur often).
 */
class ScanShortcutsTest {
  private static final String ALPHABET = "0123456789012345678901234567 -.()/+#xetaZGBWwé_~\t:,@[]=";
  private static final int SAMPLES = 60_000;

  private static List<String> texts() {
    SplittableRandom random = new SplittableRandom(11);
    List<String> out = new ArrayList<>(SAMPLES);
    for (int i = 0; i < SAMPLES; i++) {
      int length = random.nextInt(36);
      StringBuilder b = new StringBuilder(length);
      for (int c = 0; c < length; c++) {
        b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      out.add(b.toString());
    }
    // Shapes that random strings rarely produce.
    out.addAll(
        List.of(
            "536-22-1234",
            "10.0.12.255",
            "1.2.3.4",
            "1.2.3.4.5",
            "1985-03-12T10:00",
            "x2024-01-01",
            "+1 (212) 555-0147 ext. 12",
            "call +44 20 7946 0018 now",
            "12 Main St",
            "12b Rue de l’Église",
            "born 1985",
            "in 2019, 20201 and 19 99",
            "refund to GB82 WEST 1234 5698 7654 32",
            "GB 82 x",
            "gb 82",
            "see www.example.com",
            "awww. ok",
            "WWW.X",
            "MRN-00123456",
            "1EG4-TE5-MK73",
            "ab12-34",
            "ww.w",
            "WwW.x",
            "face.JPG and [1, 2, 3, 4, 5, 6, 7, 8]",
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB",
            "ZmFjZS10ZW1wbGF0ZS12ZWN0b3ItMDEyMzQ1Njc4OQ==",
            "a_.b -.c x.Png y.org"));
    return out;
  }

  /**
   * The scanner's former IBAN pre-check, kept as the reference: true when two letters, an optional
   * space and two digits start an IBAN somewhere.
   */
  private static boolean ibanStartByScan(String t) {
    for (int i = 0, n = t.length() - 3; i < n; i++) {
      char a = t.charAt(i);
      char b = t.charAt(i + 1);
      if (Character.isLetter(a) && Character.isLetter(b)) {
        boolean space = t.charAt(i + 2) == ' ';
        if (space && !(Character.isUpperCase(a) && Character.isUpperCase(b))) {
          continue; // "number 4471" is no IBAN: a spaced country code is upper case
        }
        int j = space ? i + 3 : i + 2;
        if (j + 1 < t.length()
            && Character.isDigit(t.charAt(j))
            && Character.isDigit(t.charAt(j + 1))) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void handWrittenShapesSayWhatTheirExpressionsSay() {
    Pattern ssn = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");
    Pattern quad = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    Pattern iso = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    Pattern year = Pattern.compile("(?<!\\d)(?:19|20)\\d\\d(?!\\d)");
    // A whole [A-Za-z0-9-] token of at least n chars with at least k digits.
    Pattern pure5 = Pattern.compile("\\d{5}");
    Pattern www = Pattern.compile("(?i)www\\.");
    Pattern run6 = Pattern.compile("\\d(?:[ \\-.()/]*\\d){5}");
    Pattern b64of20 = Pattern.compile("[A-Za-z0-9+/]{20}");
    Pattern b64of32 = Pattern.compile("[A-Za-z0-9+/]{32}");
    Pattern dotLetter = Pattern.compile("[\\w-]\\.[jpgbthwJPGBTHW]");
    Pattern token6digits4 =
        Pattern.compile("(?<![A-Za-z0-9-])(?=[A-Za-z0-9-]{6})(?=(?:[A-Za-z-]*\\d){4})");
    Pattern token5digits4 =
        Pattern.compile("(?<![A-Za-z0-9-])(?=[A-Za-z0-9-]{5})(?=(?:[A-Za-z-]*\\d){4})");
    Pattern token6digits3 =
        Pattern.compile("(?<![A-Za-z0-9-])(?=[A-Za-z0-9-]{6})(?=(?:[A-Za-z-]*\\d){3})");
    int ssnHits = 0;
    int quadHits = 0;
    int isoHits = 0;
    int ibanHits = 0;
    for (String t : texts()) {
      assertThat(PhoneRecognizer.isSsnShape(t)).as(t).isEqualTo(ssn.matcher(t).matches());
      assertThat(PhoneRecognizer.isDottedQuad(t)).as(t).isEqualTo(quad.matcher(t).matches());
      assertThat(PhoneRecognizer.hasIsoDate(t)).as(t).isEqualTo(iso.matcher(t).find());
      assertThat(TextShape.of(t).year()).as(t).isEqualTo(year.matcher(t).find());
      assertThat(TextShape.of(t).ibanStart()).as(t).isEqualTo(ibanStartByScan(t));
      TextShape shape = TextShape.of(t);
      assertThat(shape.www()).as(t).isEqualTo(www.matcher(t).find());
      assertThat(shape.longestBase64Run() >= 20).as(t).isEqualTo(b64of20.matcher(t).find());
      assertThat(shape.longestBase64Run() >= 32).as(t).isEqualTo(b64of32.matcher(t).find());
      assertThat(shape.bracket()).as(t).isEqualTo(t.indexOf('[') >= 0);
      assertThat(shape.dotLetter()).as(t).isEqualTo(dotLetter.matcher(t).find());
      Matcher six = run6.matcher(t);
      assertThat(shape.firstRun6()).as(t).isEqualTo(six.find() ? six.start() : -1);
      assertThat(shape.longestPureRun() >= 5).as(t).isEqualTo(pure5.matcher(t).find());
      assertThat(shape.tokenDigits6() >= 4).as(t).isEqualTo(token6digits4.matcher(t).find());
      assertThat(shape.tokenDigits5() >= 4).as(t).isEqualTo(token5digits4.matcher(t).find());
      assertThat(shape.tokenDigits6() >= 3).as(t).isEqualTo(token6digits3.matcher(t).find());
      ibanHits += ibanStartByScan(t) ? 1 : 0;
      ssnHits += PhoneRecognizer.isSsnShape(t) ? 1 : 0;
      quadHits += PhoneRecognizer.isDottedQuad(t) ? 1 : 0;
      isoHits += PhoneRecognizer.hasIsoDate(t) ? 1 : 0;
    }
    assertThat(ssnHits).isPositive();
    assertThat(quadHits).isPositive();
    assertThat(isoHits).isPositive();
    assertThat(ibanHits).isPositive();
  }

  @Test
  void phoneCandidatesAreTheSpansOfThePatternOverTheWholeText() {
    PhoneRecognizer phone = new PhoneRecognizer(List.of());
    int withSpans = 0;
    for (String t : texts()) {
      List<Integer> expected = new ArrayList<>();
      Matcher m = PhoneRecognizer.CANDIDATE.matcher(t);
      while (m.find()) {
        expected.add(m.start());
        expected.add(m.end());
      }
      // Twice: the second answer comes from the memo of the text's layout.
      for (int round = 0; round < 2; round++) {
        List<Integer> actual = new ArrayList<>();
        for (int v : phone.candidates(t)) {
          actual.add(v);
        }
        assertThat(actual).as(t).isEqualTo(expected);
      }
      withSpans += expected.isEmpty() ? 0 : 1;
    }
    assertThat(withSpans).isGreaterThan(1000);
  }

  /** The host-name check as it was written with String.split. */
  private static boolean hostBySplit(String t, int at, int r) {
    String[] labels = t.substring(at + 1, r).split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
    }
    String tld = labels[labels.length - 1];
    return tld.length() >= 2
        && tld.length() <= 24
        && tld.chars().allMatch(Character::isLetter)
        && tld.chars().allMatch(c -> c < 128);
  }

  @Test
  void emailHostCheckSaysWhatTheSplitCheckSaid() {
    SplittableRandom random = new SplittableRandom(9);
    String chars = "ab-.Z9";
    int valid = 0;
    for (int i = 0; i < 50_000; i++) {
      StringBuilder b = new StringBuilder("ana@");
      for (int c = 4 + random.nextInt(14); c > 0; c--) {
        b.append(chars.charAt(random.nextInt(chars.length())));
      }
      String t = b.toString();
      boolean expected = hostBySplit(t, 3, t.length());
      assertThat(EmailRecognizer.valid(t, 0, 3, t.length())).as(t).isEqualTo(expected);
      valid += expected ? 1 : 0;
    }
    assertThat(valid).isGreaterThan(500);
  }

  @Test
  void numberedStreetIsTheFirstFormOfTheStreetShape() {
    Pattern first = Pattern.compile("\\d+[A-Za-z]? [\\p{L}0-9 .'’-]{2,60}");
    List<String> texts = new ArrayList<>(texts());
    SplittableRandom random = new SplittableRandom(3);
    String letters = "0123456789 aZ.'’-é,#";
    for (int i = 0; i < 30_000; i++) {
      StringBuilder b = new StringBuilder();
      b.append(random.nextInt(500));
      for (int c = random.nextInt(12); c > 0; c--) {
        b.append(letters.charAt(random.nextInt(letters.length())));
      }
      texts.add(b.toString());
    }
    int hits = 0;
    for (String t : texts) {
      boolean expected = first.matcher(t).matches();
      assertThat(ColumnContextRecognizer.numberedStreet(t)).as(t).isEqualTo(expected);
      hits += expected ? 1 : 0;
    }
    assertThat(hits).isGreaterThan(100);
  }
}
