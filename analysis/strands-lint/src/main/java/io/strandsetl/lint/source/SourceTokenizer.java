package io.strandsetl.lint.source;

import io.strandsetl.lint.sql.SqlLinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Splits Python or Scala source into tokens and logical statements. It knows strings (Python
 * prefixes r/b/u/f and triple quotes; Scala {@code "…"}, {@code """…"""} and interpolators such as
 * {@code s"…"} and {@code $"col"}), comments ({@code #}; {@code //} and nested {@code /* *}{@code
 * /}) and when a line break does not end a statement: inside brackets, after a Python backslash,
 * and in Scala before a line starting with {@code .} or after an operator that needs a right
 * operand.
 */
final class SourceTokenizer {
  private static final List<String> OPERATORS =
      List.of(
          "===", "=!=", "<=>", "**=", "//=", "==", "!=", "<=", ">=", "=>", "->", "<-", "&&", "||",
          "**", "+=", "-=", "*=", "/=", "::", "<<", ">>");

  /** Scala: a line ending with one of these continues on the next line. */
  private static final Set<String> SCALA_CONTINUES =
      Set.of(
          ".", ",", "=", "=>", "+", "-", "*", "/", "&&", "||", "==", "===", "(", "[", "->", "::");

  private final String src;
  private final Language language;
  private final Consumer<String> comments;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int depth;

  private SourceTokenizer(String src, Language language, Consumer<String> comments) {
    this.src = src;
    this.language = language;
    this.comments = comments;
  }

  /** Tokens of the source, with {@link Token.Kind#END} between logical statements. */
  static List<Token> tokenize(String src, Language language, Consumer<String> comments) {
    SourceTokenizer t = new SourceTokenizer(src, language, comments);
    t.run();
    return t.tokens;
  }

  private void run() {
    int n = src.length();
    while (pos < n) {
      char c = src.charAt(pos);
      char next = pos + 1 < n ? src.charAt(pos + 1) : '\0';
      if (c == '\n') {
        newline();
        pos++;
        line++;
      } else if (c == '\\' && language == Language.PYTHON && lineBreakFollows(pos + 1)) {
        // explicit line continuation
        pos = src.indexOf('\n', pos) + 1;
        line++;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '#' && language == Language.PYTHON
          || c == '/' && next == '/' && language == Language.SCALA) {
        int end = src.indexOf('\n', pos);
        end = end < 0 ? n : end;
        comments.accept(src.substring(pos, end));
        pos = end;
      } else if (c == '/' && next == '*' && language == Language.SCALA) {
        blockComment();
      } else if (c == '"' || c == '\'' && language == Language.PYTHON) {
        string("");
      } else if (c == '\'' && language == Language.SCALA) {
        charLiteral();
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = pos;
        while (pos < n
            && Character.isJavaIdentifierPart(src.charAt(pos))
            && (src.charAt(pos) != '$' || language == Language.SCALA)) {
          pos++;
        }
        String word = src.substring(start, pos);
        if (pos < n && isStringPrefix(word, src.charAt(pos))) {
          string(word);
        } else {
          tokens.add(new Token(Token.Kind.IDENT, word, line, ""));
        }
      } else if (Character.isDigit(c)) {
        int start = pos;
        while (pos < n
            && (Character.isLetterOrDigit(src.charAt(pos))
                || src.charAt(pos) == '_'
                || src.charAt(pos) == '.'
                    && pos + 1 < n
                    && Character.isDigit(src.charAt(pos + 1)))) {
          pos++;
        }
        tokens.add(new Token(Token.Kind.NUMBER, src.substring(start, pos), line, ""));
      } else {
        operator(c);
      }
    }
    end();
  }

  private boolean isStringPrefix(String word, char quote) {
    if (quote != '"' && !(quote == '\'' && language == Language.PYTHON)) {
      return false;
    }
    if (language == Language.PYTHON) {
      return word.length() <= 2 && word.chars().allMatch(ch -> "rRbBuUfF".indexOf(ch) >= 0);
    }
    return true; // Scala: any identifier right before a quote is an interpolator (s, f, raw, $)
  }

  private boolean lineBreakFollows(int from) {
    int i = from;
    while (i < src.length()
        && (src.charAt(i) == ' ' || src.charAt(i) == '\t' || src.charAt(i) == '\r')) {
      i++;
    }
    return i < src.length() && src.charAt(i) == '\n';
  }

  private void newline() {
    if (depth > 0 || tokens.isEmpty()) {
      return;
    }
    if (language == Language.SCALA) {
      Token last = tokens.get(tokens.size() - 1);
      if (last.kind() == Token.Kind.OP && SCALA_CONTINUES.contains(last.text())
          || nextLineStartsWithDot()) {
        return;
      }
    }
    end();
  }

  private boolean nextLineStartsWithDot() {
    int i = pos + 1;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '/') {
        int eol = src.indexOf('\n', i);
        if (eol < 0) {
          return false;
        }
        i = eol + 1;
      } else {
        return c == '.' && !(i + 1 < src.length() && Character.isDigit(src.charAt(i + 1)));
      }
    }
    return false;
  }

  private void end() {
    if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != Token.Kind.END) {
      tokens.add(new Token(Token.Kind.END, "", line, ""));
    }
  }

  private void blockComment() {
    int start = pos;
    int nesting = 0;
    while (pos < src.length()) {
      if (src.startsWith("/*", pos)) {
        nesting++;
        pos += 2;
      } else if (src.startsWith("*/", pos)) {
        nesting--;
        pos += 2;
        if (nesting == 0) {
          break;
        }
      } else {
        if (src.charAt(pos) == '\n') {
          line++;
        }
        pos++;
      }
    }
    comments.accept(src.substring(start, Math.min(pos, src.length())));
  }

  private void charLiteral() {
    // 'a' or '\n' is a character; 'name (Scala 2 symbol, a column in Spark) is an operator + name
    int close = src.charAt(Math.min(pos + 1, src.length() - 1)) == '\\' ? pos + 3 : pos + 2;
    if (close < src.length() && src.charAt(close) == '\'') {
      tokens.add(new Token(Token.Kind.STRING, src.substring(pos + 1, close), line, "'"));
      pos = close + 1;
    } else {
      tokens.add(new Token(Token.Kind.OP, "'", line, ""));
      pos++;
    }
  }

  private void string(String prefix) {
    char quote = src.charAt(pos);
    boolean triple = src.startsWith(String.valueOf(quote).repeat(3), pos);
    String lower = prefix.toLowerCase(java.util.Locale.ROOT);
    boolean raw =
        language == Language.PYTHON ? lower.contains("r") : triple || prefix.equals("raw");
    boolean interpolated = language == Language.PYTHON ? lower.contains("f") : !prefix.isEmpty();
    int startLine = line;
    pos += triple ? 3 : 1;
    StringBuilder value = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (triple ? src.startsWith(String.valueOf(quote).repeat(3), pos) : c == quote) {
        pos += triple ? 3 : 1;
        // """a"""" : extra quotes before the closing ones belong to the string
        while (triple && pos < src.length() && src.charAt(pos) == quote) {
          value.append(quote);
          pos++;
        }
        break;
      }
      if (c == '\n' && !triple) {
        break; // unterminated: stop at the end of the line
      }
      if (c == '\\' && pos + 1 < src.length() && (!raw || src.charAt(pos + 1) == quote)) {
        char e = src.charAt(pos + 1);
        if (e == '\n') {
          value.append('\n');
          line++;
        } else {
          // two characters in the file stay two characters, so SQL columns do not move
          value.append(e == 'n' || e == 't' || e == 'r' ? "  " : " " + e);
        }
        pos += 2;
      } else if (interpolated && language == Language.PYTHON && c == '{') {
        if (pos + 1 < src.length() && src.charAt(pos + 1) == '{') {
          value.append("{ ");
          pos += 2;
        } else {
          placeholder(value, '{', '}');
        }
      } else if (interpolated && language == Language.SCALA && c == '$') {
        char e = pos + 1 < src.length() ? src.charAt(pos + 1) : '\0';
        if (e == '$') {
          value.append("$ ");
          pos += 2;
        } else if (e == '{') {
          pos++;
          placeholder(value, '{', '}');
        } else {
          pos++;
          while (pos < src.length()
              && Character.isJavaIdentifierPart(src.charAt(pos))
              && src.charAt(pos) != '$') {
            pos++;
          }
          value.append(SqlLinter.PARAMETER);
        }
      } else {
        if (c == '\n') {
          line++;
        }
        value.append(c);
        pos++;
      }
    }
    tokens.add(new Token(Token.Kind.STRING, value.toString(), startLine, prefix));
  }

  /** Replaces an interpolated expression by a SQL-safe name, keeping its line breaks. */
  private void placeholder(StringBuilder value, char open, char close) {
    int nesting = 0;
    StringBuilder newlines = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos++);
      if (c == open) {
        nesting++;
      } else if (c == close && --nesting == 0) {
        break;
      } else if (c == '\n') {
        newlines.append('\n');
        line++;
      }
    }
    value.append(SqlLinter.PARAMETER).append(newlines);
  }

  private void operator(char c) {
    for (String op : OPERATORS) {
      if (src.startsWith(op, pos)) {
        tokens.add(new Token(Token.Kind.OP, op, line, ""));
        pos += op.length();
        return;
      }
    }
    if (c == '(' || c == '[' || c == '{' && language == Language.PYTHON) {
      depth++;
    } else if ((c == ')' || c == ']' || c == '}' && language == Language.PYTHON) && depth > 0) {
      depth--;
    }
    if (c == ';' && depth == 0) {
      end();
    } else {
      tokens.add(new Token(Token.Kind.OP, String.valueOf(c), line, ""));
    }
    pos++;
  }
}
