package io.strandsetl.lint.source;

/**
 * One token of Python or Scala source.
 *
 * @param kind what it is
 * @param text the identifier, operator or number; for a string its content, with escapes and
 *     interpolations replaced so that line breaks stay where they were in the file
 * @param line 1-based line where the token starts
 * @param prefix for a string, its prefix or interpolator ({@code f}, {@code r}, {@code s}, {@code
 *     $}); empty otherwise
 */
record Token(Kind kind, String text, int line, String prefix) {
  enum Kind {
    IDENT,
    STRING,
    NUMBER,
    OP,
    /**
     * The end of a logical statement (a newline outside brackets and continuations, or {@code ;}).
     */
    END
  }

  boolean is(String op) {
    return (kind == Kind.OP || kind == Kind.IDENT) && text.equals(op);
  }

  boolean isIdent() {
    return kind == Kind.IDENT;
  }

  boolean isString() {
    return kind == Kind.STRING;
  }
}
