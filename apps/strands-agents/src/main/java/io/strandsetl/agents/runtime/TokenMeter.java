package io.strandsetl.agents.runtime;

/**
 * Counts language-model tokens spent by the tool call running on the current thread, so that the
 * {@link AgentInvoker} can record them with the invocation. Without a language model nothing adds
 * to it and invocations record zero tokens.
 */
public final class TokenMeter {
  private static final ThreadLocal<long[]> TOKENS = new ThreadLocal<>();
  private static final ThreadLocal<double[]> COST = new ThreadLocal<>();

  private TokenMeter() {}

  /** Adds tokens and their cost (USD) to the call running on this thread, if any. */
  public static void add(long tokensIn, long tokensOut, double costUsd) {
    long[] t = TOKENS.get();
    if (t != null) {
      t[0] += tokensIn;
      t[1] += tokensOut;
      COST.get()[0] += costUsd;
    }
  }

  static void start() {
    TOKENS.set(new long[2]);
    COST.set(new double[1]);
  }

  /** Tokens in, tokens out and cost (USD) since {@link #start()}; clears the meter. */
  static Usage stop() {
    long[] t = TOKENS.get();
    double[] c = COST.get();
    TOKENS.remove();
    COST.remove();
    return t == null ? new Usage(0, 0, 0) : new Usage(t[0], t[1], c[0]);
  }

  record Usage(long tokensIn, long tokensOut, double costUsd) {}
}
