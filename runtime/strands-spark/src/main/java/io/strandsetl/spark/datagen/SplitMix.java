package io.strandsetl.spark.datagen;

/**
 * A tiny deterministic random stream (SplitMix64) keyed by (seed, row id, salt). We keep our own
 * instead of {@link java.util.SplittableRandom} so the generated data is the same on every JVM and
 * independent of how Spark splits the rows into partitions.
 */
final class SplitMix {
  private long state;

  SplitMix(long seed, long rowId, long salt) {
    this.state = mix(mix(seed ^ 0x9E3779B97F4A7C15L) ^ mix(rowId + 0x632BE59BD9B4E019L) ^ salt);
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += 0x9E3779B97F4A7C15L;
    return mix(state);
  }

  /** Uniform in [0, bound). */
  int nextInt(int bound) {
    return (int) Math.floorMod(nextLong(), (long) bound);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  boolean chance(double probability) {
    return nextDouble() < probability;
  }

  <T> T pick(T[] values) {
    return values[nextInt(values.length)];
  }

  /** {@code count} decimal digits, leading zeros allowed. */
  String digits(int count) {
    StringBuilder b = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      b.append((char) ('0' + nextInt(10)));
    }
    return b.toString();
  }
}
