package io.strandsetl.compliance.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContextWordsTest {
  private static final List<Set<String>> WORDS =
      List.of(
          Set.of("phone", "tel", "call"),
          Set.of("born", "dob", "geboren"),
          Set.of("fødselsnummer", "id", "e-mail"),
          Set.of("account", "acct"));

  /** What the scanner's nearby-word test can find: a maximal run of letters, lower-cased. */
  private static long naive(String text) {
    long mask = 0;
    int i = 0;
    while (i < text.length()) {
      if (!Character.isLetter(text.charAt(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j < text.length() && Character.isLetter(text.charAt(j))) {
        j++;
      }
      String word = text.substring(i, j).toLowerCase(Locale.ROOT);
      for (int r = 0; r < WORDS.size(); r++) {
        if (WORDS.get(r).contains(word)) {
          mask |= 1L << r;
        }
      }
      i = j;
    }
    return mask;
  }

  @Test
  void findsExactlyTheWholeLetterWordsTheNearbyTestCanFind() {
    ContextWords index = ContextWords.of(WORDS);
    String[] pieces = {
      "Phone",
      "PHONE",
      "phones",
      "telephone",
      "tel",
      "Tel.",
      "did",
      "ID",
      "id:",
      "born",
      "reborn",
      "DOB",
      "e-mail",
      "email",
      "Fødselsnummer",
      "FØDSELSNUMMER",
      "acct#",
      "account",
      "geboren",
      "x",
      "4471",
      " ",
      " ",
      ", ",
      "-",
      "é",
      "ſ",
      "K"
    };
    SplittableRandom random = new SplittableRandom(5);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(10); k > 0; k--) {
        b.append(pieces[random.nextInt(pieces.length)]);
      }
      texts.add(b.toString());
    }
    int hits = 0;
    for (String t : texts) {
      long expected = naive(t);
      assertThat(index.mentioned(t)).as(t).isEqualTo(expected);
      hits += expected != 0 ? 1 : 0;
    }
    assertThat(hits).isGreaterThan(10_000);
    // "e-mail" has a char other than letters: the nearby test never finds it, so neither does this.
    assertThat(index.mentioned("e-mail me")).isZero();
    assertThat(index.mentioned("did you")).isZero();
  }
}
