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
 * @param longestWord the longest run of letters and digits (a codice fiscale has 16)
 * @param runLengths bit n set when some run has exactly n digits (n < 64; separators allowed)
 * @param year true when some run of exactly four digits, with no separator and no digit next to it,
 *     starts with 19 or 20: every date the date-of-birth recognizer accepts has one
 * @param ibanStart true when two letters, then an optional space (with upper-case letters), then
 *     two digits occur: where every IBAN starts
 * @param www true when the text contains {@code www.} (any case)
 * @param longestPureRun the most digits in a row, no separator
 * @param tokenDigits5 the most digits in one token (a run of {@code [A-Za-z0-9-]}) of at least 5
 *     chars; 0 when there is none
 * @param tokenDigits6 the same for tokens of at least 6 chars
 * @param longestBase64Run the most chars of {@code [A-Za-z0-9+/]} in a row
 * @param bracket true when the text contains '['
 * @param firstRun6 where the first run of at least six digits starts (its first digit; separators
 *     allowed as in {@code runLengths}); -1 when there is none
 * @param dotLetter true when a '.' has a word char or '-' before it and after it one of the letters
 *     that start an image file extension (j p g b t h w, any case: jpg, png, gif, bmp, tiff, heic,
 *     webp)
 */
public record TextShape(
    int digits,
    int letters,
    boolean at,
    boolean colon,
    boolean dot,
    int longestWord,
    long runLengths,
    boolean year,
    boolean ibanStart,
    boolean www,
    int longestPureRun,
    int tokenDigits5,
    int tokenDigits6,
    int longestBase64Run,
    boolean bracket,
    boolean dotLetter,
    int firstRun6) {

  /** True when some digit run has between {@code min} and {@code max} digits. */
  public boolean hasRun(int min, int max) {
    long mask = (max >= 63 ? -1L : (1L << (max + 1)) - 1) & -(1L << min);
    return (runLengths & mask) != 0;
  }

  // ASCII classes, looked up once per char (a chain of range tests was ~15 % of a comment's scan).
  private static final byte OTHER = 0;
  private static final byte DIGIT = 1;
  private static final byte LETTER = 2;
  private static final byte SEPARATOR = 3; // space - . ( ) /: allowed inside a digit run
  private static final byte AT = 4;
  private static final byte COLON = 5;
  private static final byte[] CLASS = new byte[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      CLASS[c] = DIGIT;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      CLASS[c] = LETTER;
      CLASS[c - 'a' + 'A'] = LETTER;
    }
    for (char c : " -.()/".toCharArray()) {
      CLASS[c] = SEPARATOR;
    }
    CLASS['@'] = AT;
    CLASS[':'] = COLON;
  }

  public static TextShape of(String text) {
    int digits = 0;
    int letters = 0;
    boolean at = false;
    boolean colon = false;
    boolean dot = false;
    boolean year = false;
    boolean iban = false;
    boolean www = false;
    int run = 0;
    int word = 0;
    int longestWord = 0;
    int pure = 0; // digits since the last non-digit
    int pureStart = 0;
    long runs = 0;
    boolean prevDigit = false;
    int longestPure = 0;
    int token = 0; // chars of the current [A-Za-z0-9-] run
    int tokenDigits = 0;
    int tokenDigits5 = 0;
    int tokenDigits6 = 0;
    int b64 = 0; // chars of the current [A-Za-z0-9+/] run
    int longestB64 = 0;
    boolean bracket = false;
    boolean dotLetter = false;
    int runStart = 0;
    int firstRun6 = -1;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      byte k = c < 128 ? CLASS[c] : Character.isLetter(c) ? LETTER : OTHER;
      if (k == LETTER && c < 128) {
        // A run of ASCII letters (most of free text) in a tight loop: the state changes only at
        // its first letter, the rest only counts.
        int j = i + 1;
        while (j < n && (char) ((text.charAt(j) | 0x20) - 'a') < 26) {
          j++; // (c | 0x20) - 'a' < 26 as an unsigned char: c is an ASCII letter
        }
        if (pure == 4 && isYearStart(text, pureStart)) {
          year = true;
        }
        pure = 0;
        if (run > 0) {
          runs |= 1L << Math.min(run, 63);
          if (run >= 6 && firstRun6 < 0) {
            firstRun6 = runStart;
          }
          run = 0;
        }
        if (j < n
            && text.charAt(j) == '.'
            && j - i >= 3
            && (text.charAt(j - 1) | 0x20) == 'w'
            && (text.charAt(j - 2) | 0x20) == 'w'
            && (text.charAt(j - 3) | 0x20) == 'w') {
          www = true;
        }
        b64 += j - i;
        letters += j - i;
        word += j - i;
        token += j - i;
        prevDigit = false;
        i = j - 1;
        continue;
      }
      if (c == ' ') {
        // A space (a sixth of prose) ends a word, a token and a base64 run and keeps a digit run.
        if (pure == 4 && isYearStart(text, pureStart)) {
          year = true;
        }
        pure = 0;
        if (token >= 5) {
          tokenDigits5 = Math.max(tokenDigits5, tokenDigits);
          if (token >= 6) {
            tokenDigits6 = Math.max(tokenDigits6, tokenDigits);
          }
        }
        token = 0;
        tokenDigits = 0;
        if (b64 > longestB64) {
          longestB64 = b64;
        }
        b64 = 0;
        if (word > longestWord) {
          longestWord = word;
        }
        word = 0;
        prevDigit = false;
        continue;
      }
      if (k == DIGIT) {
        digits++;
        if (run++ == 0) {
          runStart = i;
        }
        word++;
        token++;
        tokenDigits++;
        b64++;
        longestPure = Math.max(longestPure, pure + 1);
        if (pure++ == 0) {
          pureStart = i;
          if (!iban && i + 1 < n && isDigit(text.charAt(i + 1))) {
            iban = countryCodeBefore(text, i);
          }
        }
        prevDigit = true;
        continue;
      }
      if (pure == 4 && isYearStart(text, pureStart)) {
        year = true;
      }
      pure = 0;
      if (c == '+' || c == '/') {
        b64++;
      } else {
        longestB64 = Math.max(longestB64, b64);
        b64 = 0;
      }
      if (c == '[') {
        bracket = true;
      } else if (c == '.'
          && i > 0
          && i + 1 < n
          && isWordOrDash(text.charAt(i - 1))
          && IMAGE_EXTENSION_START.indexOf(text.charAt(i + 1) | 0x20) >= 0) {
        dotLetter = true;
      }
      if (c == '-') {
        token++;
      } else {
        if (token >= 5) {
          tokenDigits5 = Math.max(tokenDigits5, tokenDigits);
          if (token >= 6) {
            tokenDigits6 = Math.max(tokenDigits6, tokenDigits);
          }
        }
        token = 0;
        tokenDigits = 0;
      }
      if (k == LETTER) {
        letters++;
        if (c < 128) {
          word++;
        } else {
          longestWord = Math.max(longestWord, word);
          word = 0;
        }
      } else {
        longestWord = Math.max(longestWord, word);
        word = 0;
        if (k == AT) {
          at = true;
        } else if (k == COLON) {
          colon = true;
        } else if (c == '.' && prevDigit) {
          dot = true;
        }
      }
      if (k != SEPARATOR) {
        if (run > 0) {
          runs |= 1L << Math.min(run, 63);
          if (run >= 6 && firstRun6 < 0) {
            firstRun6 = runStart;
          }
        }
        run = 0;
      }
      prevDigit = false;
    }
    if (pure == 4 && isYearStart(text, pureStart)) {
      year = true;
    }
    if (run > 0) {
      runs |= 1L << Math.min(run, 63);
      if (run >= 6 && firstRun6 < 0) {
        firstRun6 = runStart;
      }
    }
    longestWord = Math.max(longestWord, word);
    longestB64 = Math.max(longestB64, b64);
    if (token >= 5) {
      tokenDigits5 = Math.max(tokenDigits5, tokenDigits);
      if (token >= 6) {
        tokenDigits6 = Math.max(tokenDigits6, tokenDigits);
      }
    }
    return new TextShape(
        digits,
        letters,
        at,
        colon,
        dot,
        longestWord,
        runs,
        year,
        iban,
        www,
        longestPure,
        tokenDigits5,
        tokenDigits6,
        longestB64,
        bracket,
        dotLetter,
        firstRun6);
  }

  /** Two letters right before {@code i}, or two upper-case letters and a space. */
  private static boolean countryCodeBefore(String t, int i) {
    if (i >= 2 && isLetter(t.charAt(i - 1)) && isLetter(t.charAt(i - 2))) {
      return true;
    }
    return i >= 3
        && t.charAt(i - 1) == ' '
        && isLetter(t.charAt(i - 2))
        && isLetter(t.charAt(i - 3))
        && Character.isUpperCase(t.charAt(i - 2))
        && Character.isUpperCase(t.charAt(i - 3));
  }

  /** Character.isLetter, without its table lookup for ASCII. */
  private static boolean isLetter(char c) {
    return c < 128 ? (char) ((c | 0x20) - 'a') < 26 : Character.isLetter(c);
  }

  private static final String IMAGE_EXTENSION_START = "jpgbthw";

  /** {@code [\w-]}: ASCII letter, digit, '_' or '-'. */
  private static boolean isWordOrDash(char c) {
    int lower = c | 0x20;
    return lower >= 'a' && lower <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isYearStart(String text, int i) {
    char a = text.charAt(i);
    char b = text.charAt(i + 1);
    return a == '1' && b == '9' || a == '2' && b == '0';
  }
}
