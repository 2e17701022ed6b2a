package io.strandsetl.compliance.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a column name, split on separators and camelCase ({@code CCNumber} → cc, number;
 * {@code zip_code} → zip, code), and its head word: the last word that is not a generic suffix
 * (code, number, id, …). Compound names put the head last in English ({@code first_name} is a name,
 * {@code NameSet} is a set), so shape-only recognizers (names, cities, ZIP codes) take context from
 * the head only, and the others from any word.
 *
 * @param column the column name as given
 * @param words lower-case words, in order
 * @param head the head word, or empty
 * @param joined the words without separators ({@code zipcode}), derived
 */
public record ColumnContext(String column, List<String> words, String head, String joined) {
  private static final Set<String> GENERIC_SUFFIXES =
      Set.of(
          "code", "number", "no", "nr", "num", "id", "value", "text", "full", "line", "raw", "str");

  public ColumnContext {
    words = List.copyOf(words);
    joined = String.join("", words);
  }

  public static ColumnContext of(String column) {
    List<String> words = split(column);
    String head = "";
    for (int i = words.size() - 1; i >= 0; i--) {
      String w = words.get(i);
      if (!GENERIC_SUFFIXES.contains(w) && !w.chars().allMatch(Character::isDigit)) {
        head = w;
        break;
      }
    }
    return new ColumnContext(column, words, head, null);
  }

  /** True when a context word of the recognizer is in this column name (see the class comment). */
  boolean supports(Recognizer recognizer) {
    Set<String> context = recognizer.contextWords();
    if (recognizer instanceof ColumnContextRecognizer r) {
      if (context.contains(joined)) {
        return true;
      }
      if (!context.contains(head)) {
        return false;
      }
      List<String> before = words.subList(0, Math.max(0, words.indexOf(head)));
      return r.modifiers().isEmpty()
          || before.isEmpty()
          || before.stream().anyMatch(r.modifiers()::contains);
    }
    for (String w : words) {
      if (context.contains(w)) {
        return true;
      }
    }
    return context.contains(joined);
  }

  static List<String> split(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(word, words);
        continue;
      }
      if (word.length() > 0) {
        char prev = word.charAt(word.length() - 1);
        boolean lowerToUpper = Character.isLowerCase(prev) && Character.isUpperCase(c);
        boolean acronymEnd =
            Character.isUpperCase(prev)
                && Character.isUpperCase(c)
                && i + 1 < name.length()
                && Character.isLowerCase(name.charAt(i + 1));
        boolean letterDigit = Character.isDigit(prev) != Character.isDigit(c);
        if (lowerToUpper || acronymEnd || letterDigit) {
          flush(word, words);
        }
      }
      word.append(c);
    }
    flush(word, words);
    return words;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
      word.setLength(0);
    }
  }
}
