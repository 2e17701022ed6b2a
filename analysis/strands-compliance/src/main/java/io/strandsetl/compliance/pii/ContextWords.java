package io.strandsetl.compliance.pii;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which recognizers have one of their context words in a text, found in one pass: the text's words
 * (maximal runs of letters, any case) are walked through a trie of every recognizer's words. A hit
 * is what {@link PiiScanner#nearbyContext} could find anywhere in the text, so a recognizer without
 * a hit cannot be lifted by context words (a word with other chars than letters, such as {@code
 * e-mail}, can never be found there and is left out). It replaced one case-insensitive search per
 * recognizer and word, ~40 % of a comment's scan once 23 recognizers had words.
 *
 * <p>Immutable and thread-safe. At most 64 recognizers (a bit each).
 */
final class ContextWords {
  private static final int ALPHABET = 26;

  /** children[node * 26 + letter] = next node, 0 = none (node 0 is the root). */
  private final int[] children;

  /** Recognizers whose word ends at a node. */
  private final long[] ends;

  /** Every letter-only word by its lower-case form, for words with a non-ASCII letter. */
  private final Map<String, Long> byWord;

  private ContextWords(int[] children, long[] ends, Map<String, Long> byWord) {
    this.children = children;
    this.ends = ends;
    this.byWord = byWord;
  }

  /** {@code words.get(i)}: the context words of recognizer i (lower case). */
  static ContextWords of(List<Set<String>> words) {
    if (words.size() > 64) {
      throw new IllegalArgumentException("Invalid recognizer count: " + words.size() + " (max 64)");
    }
    int[] children = new int[ALPHABET * 64];
    long[] ends = new long[64];
    int nodes = 1;
    Map<String, Long> byWord = new HashMap<>();
    for (int r = 0; r < words.size(); r++) {
      for (String raw : words.get(r)) {
        String word = raw.toLowerCase(Locale.ROOT);
        if (word.isEmpty() || !word.chars().allMatch(Character::isLetter)) {
          continue;
        }
        byWord.merge(word, 1L << r, (a, b) -> a | b);
        if (!word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
          continue;
        }
        int node = 0;
        for (int i = 0; i < word.length(); i++) {
          int slot = node * ALPHABET + word.charAt(i) - 'a';
          if (children[slot] == 0) {
            if (nodes * ALPHABET >= children.length) {
              children = java.util.Arrays.copyOf(children, children.length * 2);
              ends = java.util.Arrays.copyOf(ends, ends.length * 2);
            }
            children[slot] = nodes++;
          }
          node = children[slot];
        }
        ends[node] |= 1L << r;
      }
    }
    return new ContextWords(children, ends, Map.copyOf(byWord));
  }

  /** Bit i set when recognizer i has a context word among the text's words. */
  long mentioned(String text) {
    long mask = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!isLetter(c)) {
        i++;
        continue;
      }
      int node = 0;
      boolean ascii = true;
      int j = i;
      while (j < n) {
        char d = text.charAt(j);
        if (d < 128) {
          int lower = d | 0x20;
          if (lower < 'a' || lower > 'z') {
            break;
          }
          if (node >= 0) {
            node = children[node * ALPHABET + lower - 'a'];
            if (node == 0) {
              node = -1;
            }
          }
        } else if (Character.isLetter(d)) {
          ascii = false;
          node = -1;
        } else {
          break;
        }
        j++;
      }
      if (node > 0) {
        mask |= ends[node];
      }
      if (!ascii) {
        // A non-ASCII letter may lower-case to an ASCII one: look the whole word up.
        Long m = byWord.get(text.substring(i, j).toLowerCase(Locale.ROOT));
        if (m != null) {
          mask |= m;
        }
      }
      i = j;
    }
    return mask;
  }

  private static boolean isLetter(char c) {
    return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
  }
}
