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
 * @param dot true when the text contains '.' between two digits (an IPv4 or a dotted number)
 * @param longestDigitRun the most digits in one run, separators {@code space - . ( ) /} allowed
 * @param longestWord the longest run of letters and digits (a codice fiscale has 16)
 * @param runLengths bit n set when some run has exactly n digits (n < 64; separators allowed)
 */
public record TextShape(
    int digits,
    int letters,
    boolean at,
    boolean colon,
    boolean dot,
    int longestDigitRun,
    int longestWord,
    long runLengths) {

  /** True when some digit run has between {@code min} and {@code max} digits. */
  public boolean hasRun(int min, int max) {
    long mask = (max >= 63 ? -1L : (1L << (max + 1)) - 1) & -(1L << min);
    return (runLengths & mask) != 0;
  }

  public static TextShape of(String text) {
    int digits = 0;
    int letters = 0;
    boolean at = false;
    boolean colon = false;
    boolean dot = false;
    int run = 0;
    int longest = 0;
    char prev = ' ';
    int word = 0;
    int longestWord = 0;
    long runs = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
        word++;
        longestWord = Math.max(longestWord, word);
      } else {
        word = 0;
      }
      if (c >= '0' && c <= '9') {
        digits++;
        run++;
        longest = Math.max(longest, run);
      } else {
        if (c == '@') {
          at = true;
        } else if (c == ':') {
          colon = true;
        } else if (c == '.' && prev >= '0' && prev <= '9') {
          dot = true;
        } else if (c >= 'a' && c <= 'z'
            || c >= 'A' && c <= 'Z'
            || c > 127 && Character.isLetter(c)) {
          letters++;
        }
        if (!(c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/')) {
          if (run > 0) {
            runs |= 1L << Math.min(run, 63);
          }
          run = 0;
        }
      }
      prev = c;
    }
    if (run > 0) {
      runs |= 1L << Math.min(run, 63);
    }
    return new TextShape(digits, letters, at, colon, dot, longest, longestWord, runs);
  }
}
