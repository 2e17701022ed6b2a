package io.strandsetl.lint.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A call chain such as {@code df.groupBy("k").agg(F.count("*")).collect()}: a root name followed by
 * members, each optionally called. The arguments are kept as token lists (split at top-level
 * commas), so chains nested inside them can be found too.
 *
 * @param parts the root first; never empty
 * @param start index of the root token in the statement
 * @param end index just after the chain's last token
 */
record Chain(List<Part> parts, int start, int end) {
  /**
   * One name in a chain.
   *
   * @param name identifier ({@code []} for an index such as {@code df["x"]})
   * @param line 1-based line of the name
   * @param args the arguments, each a token list; null when the name is not called
   */
  record Part(String name, int line, List<List<Token>> args) {
    boolean called() {
      return args != null;
    }

    int argCount() {
      return args == null ? 0 : args.size();
    }

    /** The single string argument at {@code index}, or null. */
    String stringArg(int index) {
      if (args == null || index >= args.size() || args.get(index).size() != 1) {
        return null;
      }
      Token t = args.get(index).get(0);
      return t.isString() ? t.text() : null;
    }
  }

  private static final Set<String> KEYWORDS =
      Set.of(
          "if",
          "elif",
          "else",
          "for",
          "while",
          "in",
          "not",
          "and",
          "or",
          "is",
          "return",
          "yield",
          "lambda",
          "def",
          "class",
          "import",
          "from",
          "as",
          "with",
          "try",
          "except",
          "finally",
          "raise",
          "assert",
          "del",
          "pass",
          "global",
          "nonlocal",
          "await",
          "async",
          "val",
          "var",
          "lazy",
          "new",
          "case",
          "match",
          "object",
          "trait",
          "extends",
          "override",
          "private",
          "protected",
          "implicit",
          "final",
          "sealed",
          "throw",
          "do",
          "then",
          "None",
          "True",
          "False",
          "null",
          "true",
          "false",
          "this",
          "print",
          "println");

  String root() {
    return parts.get(0).name();
  }

  int line() {
    return parts.get(0).line();
  }

  /** Index of the first part named one of {@code names} at or after {@code from}, or -1. */
  int indexOf(Set<String> names, int from) {
    for (int i = from; i < parts.size(); i++) {
      if (names.contains(parts.get(i).name())) {
        return i;
      }
    }
    return -1;
  }

  boolean has(String name) {
    return parts.stream().anyMatch(p -> p.name().equals(name));
  }

  /** Every chain in the tokens, outermost first, including those nested in arguments. */
  static List<Chain> all(List<Token> tokens) {
    List<Chain> chains = new ArrayList<>();
    collect(tokens, chains);
    return chains;
  }

  /** The chain starting at {@code index}, or null when no chain starts there. */
  static Chain at(List<Token> tokens, int index) {
    if (index >= tokens.size() || !startsChain(tokens, index)) {
      return null;
    }
    return parse(tokens, index);
  }

  private static void collect(List<Token> tokens, List<Chain> out) {
    int i = 0;
    while (i < tokens.size()) {
      if (startsChain(tokens, i)) {
        Chain chain = parse(tokens, i);
        out.add(chain);
        for (Part p : chain.parts()) {
          if (p.args() != null) {
            p.args().forEach(arg -> collect(arg, out));
          }
        }
        i = Math.max(chain.end(), i + 1);
      } else {
        i++;
      }
    }
  }

  private static boolean startsChain(List<Token> tokens, int i) {
    Token t = tokens.get(i);
    return t.isIdent() && !KEYWORDS.contains(t.text()) && (i == 0 || !tokens.get(i - 1).is("."));
  }

  private static Chain parse(List<Token> tokens, int start) {
    List<Part> parts = new ArrayList<>();
    int i = start;
    Token name = tokens.get(i++);
    String current = name.text();
    int currentLine = name.line();
    while (true) {
      List<List<Token>> args = null;
      if (i < tokens.size() && (tokens.get(i).is("(") || tokens.get(i).is("{"))) {
        args = new ArrayList<>();
        i = arguments(tokens, i, args);
      }
      parts.add(new Part(current, currentLine, args));
      while (i < tokens.size() && tokens.get(i).is("[")) {
        List<List<Token>> index = new ArrayList<>();
        i = arguments(tokens, i, index);
        parts.add(new Part("[]", tokens.get(Math.min(i, tokens.size()) - 1).line(), index));
      }
      if (i + 1 < tokens.size() && tokens.get(i).is(".") && tokens.get(i + 1).isIdent()) {
        current = tokens.get(i + 1).text();
        currentLine = tokens.get(i + 1).line();
        i += 2;
      } else {
        return new Chain(List.copyOf(parts), start, i);
      }
    }
  }

  /**
   * Reads a bracketed argument list starting at its opening bracket; returns the index after it.
   */
  private static int arguments(List<Token> tokens, int open, List<List<Token>> args) {
    int depth = 0;
    List<Token> arg = new ArrayList<>();
    int i = open;
    for (; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      boolean opens = t.is("(") || t.is("[") || t.is("{");
      boolean closes = t.is(")") || t.is("]") || t.is("}");
      if (opens) {
        depth++;
        if (depth == 1) {
          continue;
        }
      } else if (closes) {
        depth--;
        if (depth == 0) {
          i++;
          break;
        }
      } else if (depth == 1 && t.is(",")) {
        args.add(List.copyOf(arg));
        arg.clear();
        continue;
      }
      arg.add(t);
    }
    if (!arg.isEmpty()) {
      args.add(List.copyOf(arg));
    }
    return i;
  }
}
