package io.strandsetl.compliance.pii;

/**
 * How a match's confidence is made; all scores are in [0, 1].
 *
 * <ol>
 *   <li>Pattern + validator: each recognizer gives a base score that says how rarely its shape and
 *       check are met by something that is not the entity (see each recognizer's class comment).
 *   <li>Context: a context word of the recognizer in the column name (as Amazon Macie uses column
 *       names) or within {@value #WORDS_BEFORE} words before / {@value #WORDS_AFTER} after the
 *       match in free text (as Presidio's context enhancer does) adds {@value #CONTEXT_BOOST}
 *       (Presidio's context similarity factor), with at least {@value #MIN_WITH_CONTEXT}
 *       (Presidio's minimum score with context); capped at 1.
 *   <li>A match counts when its score is at least the threshold ({@value #DEFAULT_THRESHOLD} by
 *       default, {@code compliance.min-confidence}).
 * </ol>
 */
public final class Confidence {
  public static final double CONTEXT_BOOST = 0.35;
  public static final double MIN_WITH_CONTEXT = 0.4;
  public static final double DEFAULT_THRESHOLD = 0.5;
  public static final int WORDS_BEFORE = 5;
  public static final int WORDS_AFTER = 2;

  private Confidence() {}

  /** The score of a match whose context was found. */
  public static double withContext(double score) {
    return Math.min(1.0, Math.max(MIN_WITH_CONTEXT, score + CONTEXT_BOOST));
  }
}
