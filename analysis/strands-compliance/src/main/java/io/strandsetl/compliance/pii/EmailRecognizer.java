package io.strandsetl.compliance.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * E-mail addresses (RFC 5321 dot-atom local part of at most 64 characters, a host name of labels of
 * 1-63 characters and a letters-only top-level domain of 2-24 characters). Score {@value #SCORE}:
 * the shape is specific enough that random text matches it only when it is an address (Presidio
 * scores its e-mail pattern 0.5 and lifts it to 1.0 when the TLD validates; we validate the TLD
 * shape, not the IANA list).
 */
final class EmailRecognizer implements Recognizer {
  static final double SCORE = 0.9;

  @Override
  public String name() {
    return "email";
  }

  @Override
  public EntityType entity() {
    return EntityType.EMAIL_ADDRESS;
  }

  @Override
  public Set<String> contextWords() {
    return Set.of("email", "mail", "e-mail", "contact", "address");
  }

  @Override
  public List<Match> find(String text) {
    int at = text.indexOf('@');
    if (at < 0) {
      return List.of();
    }
    // Checked by hand around each '@' (no regular expression): a pattern run over a whole comment
    // tries a local part at every position and costs ~10 µs per cell.
    List<Match> out = new ArrayList<>(1);
    int from = 0;
    while (at >= 0) {
      int l = at;
      while (l > from && LOCAL.indexOf(text.charAt(l - 1)) >= 0) {
        l--;
      }
      while (l < at && text.charAt(l) == '.') {
        l++; // a local part does not start with a dot
      }
      int r = at + 1;
      while (r < text.length() && DOMAIN.indexOf(text.charAt(r)) >= 0) {
        r++;
      }
      while (r > at + 1 && (text.charAt(r - 1) == '.' || text.charAt(r - 1) == '-')) {
        r--; // a sentence's full stop is not part of the domain
      }
      int end = valid(text, l, at, r) ? r : -1;
      if (end > 0) {
        out.add(new Match(entity(), name(), l, end, SCORE, "address shape"));
        from = end;
      }
      at = text.indexOf('@', at + 1);
    }
    return out;
  }

  /** RFC 5321 dot-atom local part [l, at) and host name (at, r) with a letters-only TLD. */
  static boolean valid(String t, int l, int at, int r) {
    int local = at - l;
    if (local < 1 || local > 64 || t.charAt(at - 1) == '.' || t.substring(l, at).contains("..")) {
      return false;
    }
    if (r - at - 1 > 253 || r - at - 1 < 4) {
      return false;
    }
    // Labels between the dots of (at, r), walked in place (String.split cost a tenth of an
    // e-mail column's scan): each 1-63 chars, not starting or ending with '-'.
    int labels = 0;
    int start = at + 1;
    for (int i = at + 1; i <= r; i++) {
      if (i == r || t.charAt(i) == '.') {
        int length = i - start;
        if (length == 0 || length > 63 || t.charAt(start) == '-' || t.charAt(i - 1) == '-') {
          return false;
        }
        labels++;
        if (i < r) {
          start = i + 1;
        }
      }
    }
    if (labels < 2) {
      return false;
    }
    int tld = r - start; // the last label: letters only
    if (tld < 2 || tld > 24) {
      return false;
    }
    for (int i = start; i < r; i++) {
      char c = t.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }

  private static final String LOCAL =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~.-";
  private static final String DOMAIN =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-";
}
