package io.strandsetl.eventlog;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;

/**
 * Limits that keep reading bounded in time and memory whatever the input. Defaults and their
 * reasons are in {@code docs/metrics.md} ("Reader limits").
 *
 * @param maxLineBytes longest event line kept, bytes; longer lines are skipped without being
 *     buffered and counted as malformed. Default 64 MiB: the largest event in the shared corpus is
 *     1 MB (an adaptive plan update), plans with very wide schemas reach tens of MB.
 * @param maxExpansionRatio a compressed file may decompress to at most this many times its size
 *     (default 400; real logs compress 10–45×, so 400 leaves ~10× headroom)
 * @param expansionFloorBytes the ratio is not applied below this many decompressed bytes, so small
 *     but highly compressible logs are not refused (default 1 GiB)
 * @param maxDecompressedBytes absolute cap on the decompressed bytes of one compressed file
 *     (default 64 GiB)
 */
public record EventLogReaderOptions(
    int maxLineBytes, int maxExpansionRatio, long expansionFloorBytes, long maxDecompressedBytes) {

  public static final int DEFAULT_MAX_LINE_BYTES = 64 << 20;
  public static final int DEFAULT_MAX_EXPANSION_RATIO = 400;
  public static final long DEFAULT_EXPANSION_FLOOR_BYTES = 1L << 30;
  public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 64L << 30;

  public EventLogReaderOptions {
    if (maxLineBytes < 1024) {
      throw invalid("maxLineBytes", maxLineBytes, "at least 1024");
    }
    if (maxExpansionRatio < 1) {
      throw invalid("maxExpansionRatio", maxExpansionRatio, "at least 1");
    }
    if (expansionFloorBytes < 0) {
      throw invalid("expansionFloorBytes", expansionFloorBytes, "not negative");
    }
    if (maxDecompressedBytes < 1) {
      throw invalid("maxDecompressedBytes", maxDecompressedBytes, "at least 1");
    }
  }

  /** The defaults described above. */
  public static EventLogReaderOptions defaults() {
    return new EventLogReaderOptions(
        DEFAULT_MAX_LINE_BYTES,
        DEFAULT_MAX_EXPANSION_RATIO,
        DEFAULT_EXPANSION_FLOOR_BYTES,
        DEFAULT_MAX_DECOMPRESSED_BYTES);
  }

  /** Most decompressed bytes allowed from a compressed file of {@code compressedBytes}. */
  long decompressedLimit(long compressedBytes) {
    long byRatio =
        compressedBytes > Long.MAX_VALUE / maxExpansionRatio
            ? Long.MAX_VALUE
            : compressedBytes * maxExpansionRatio;
    return Math.min(maxDecompressedBytes, Math.max(expansionFloorBytes, byRatio));
  }

  private static StrandsException invalid(String name, long value, String rule) {
    return new StrandsException(
        ErrorCode.INVALID_ARGUMENT,
        "Invalid EventLogReaderOptions." + name + ": " + value + " (must be " + rule + ")");
  }
}
