package io.strandsetl.compliance.pii;

/**
 * Counts taken in one pass over a text so that recognizers whose pattern cannot match skip the
 * regular expression (a cell without '@' holds no e-mail address); this keeps the scan of long text
 * columns fast.
 *
 * @param digits number of ASCII digits
 * @param letters number of letters
 * @param at true when the text contains '@'
 * @param colon true when the text contains ':'
 * @param dot true when the text contains '.'
 */
public record TextShape(int digits, int letters, boolean at, boolean colon, boolean dot) {

  public static TextShape of(String text) {
    int digits = 0;
    int letters = 0;
    boolean at = false;
    boolean colon = false;
    boolean dot = false;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '@') {
        at = true;
      } else if (c == ':') {
        colon = true;
      } else if (c == '.') {
        dot = true;
      } else if (Character.isLetter(c)) {
        letters++;
      }
    }
    return new TextShape(digits, letters, at, colon, dot);
  }
}
