package io.strandsetl.agents.decision;

import java.util.Optional;

/**
 * Prices a predicted run on a cloud platform. Implemented over the cost engine (strands-cost);
 * empty when the platform is not priced (the engine is not installed).
 */
public interface PlatformPricer {
  /**
   * @param seconds predicted wall-clock seconds on that platform (start-up included)
   * @param inputBytes bytes read
   * @param shuffleBytes bytes shuffled
   * @param outputBytes bytes written
   */
  Optional<Quote> price(
      Candidate platform,
      Sizing sizing,
      double seconds,
      long inputBytes,
      long shuffleBytes,
      long outputBytes);

  /** No prices at all: every cloud platform is "not priced". */
  PlatformPricer NONE = (p, s, sec, in, sh, out) -> Optional.empty();
}
