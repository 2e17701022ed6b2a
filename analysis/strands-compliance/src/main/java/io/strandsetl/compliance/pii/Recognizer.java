package io.strandsetl.compliance.pii;

import java.util.List;
import java.util.Set;

/**
 * Finds one kind of PII in a text (a free-text sentence or one cell of a column). Implementations
 * are stateless and thread-safe; {@link PiiScanner} applies context afterwards.
 */
public interface Recognizer {

  /** Names the recognizer in findings, e.g. {@code payment-card}. */
  String name();

  EntityType entity();

  /**
   * Lower-case words that raise confidence when they appear near a match in free text or in the
   * column name (e.g. {@code card}, {@code visa}).
   */
  Set<String> contextWords();

  /** Spans with their pattern + validator score, before context; empty when nothing is found. */
  List<Match> find(String text);

  /**
   * As {@link #find(String)}, told that {@code firstLongRun} is where the text's first run of at
   * least six digits starts ({@link TextShape#firstRun6()}, separators allowed; -1 when none). A
   * recognizer whose every match starts inside such a run (or a few chars before it) may start its
   * search there instead of at the first char; the default ignores it.
   */
  default List<Match> find(String text, int firstLongRun) {
    return find(text);
  }

  /**
   * The best score a match can have before context. Below the scanner's threshold, the recognizer
   * is only searched when the column name or the text has one of its context words.
   */
  default double bestWithoutContext() {
    return 1;
  }
}
