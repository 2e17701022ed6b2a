package io.strandsetl.compliance.pii;

import java.util.Objects;

/**
 * One recognised span of a text. It holds positions, never the matched characters, so a match can
 * be logged or kept without carrying the value.
 *
 * @param entity what was found
 * @param recognizer name of the recognizer that found it (e.g. {@code payment-card})
 * @param start first char index, inclusive
 * @param end last char index, exclusive
 * @param score confidence in [0, 1]: pattern score, raised by a passing validator and by context
 *     (see {@link Confidence})
 * @param detail what decided the score (e.g. {@code luhn ok, iin visa, context 'card'})
 */
public record Match(
    EntityType entity, String recognizer, int start, int end, double score, String detail) {
  public Match {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(recognizer, "recognizer");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("Invalid match span: [" + start + ", " + end + ")");
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("Invalid match score: " + score + " (must be in [0, 1])");
    }
    detail = detail == null ? "" : detail;
  }

  public int length() {
    return end - start;
  }

  Match withScore(double newScore, String moreDetail) {
    return new Match(
        entity,
        recognizer,
        start,
        end,
        Math.min(1.0, newScore),
        detail.isEmpty() ? moreDetail : detail + ", " + moreDetail);
  }

  boolean overlaps(Match other) {
    return start < other.end && other.start < end;
  }
}
