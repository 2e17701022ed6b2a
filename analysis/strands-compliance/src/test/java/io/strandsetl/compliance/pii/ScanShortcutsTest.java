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
  private static final String ALPHABET = "0123456789012345678901234567 -.()/+#xetaZGBé_~\t:,@";
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
            "gb 82"));
    return out;
  }

  @Test
  void handWrittenShapesSayWhatTheirExpressionsSay() {
    Pattern ssn = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");
    Pattern quad = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    Pattern iso = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    Pattern year = Pattern.compile("(?<!\\d)(?:19|20)\\d\\d(?!\\d)");
    int ssnHits = 0;
    int quadHits = 0;
    int isoHits = 0;
    int ibanHits = 0;
    for (String t : texts()) {
      assertThat(PhoneRecognizer.isSsnShape(t)).as(t).isEqualTo(ssn.matcher(t).matches());
      assertThat(PhoneRecognizer.isDottedQuad(t)).as(t).isEqualTo(quad.matcher(t).matches());
      assertThat(PhoneRecognizer.hasIsoDate(t)).as(t).isEqualTo(iso.matcher(t).find());
      assertThat(TextShape.of(t).year()).as(t).isEqualTo(year.matcher(t).find());
      assertThat(TextShape.of(t).ibanStart()).as(t).isEqualTo(PiiScanner.ibanStart(t));
      ibanHits += PiiScanner.ibanStart(t) ? 1 : 0;
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
