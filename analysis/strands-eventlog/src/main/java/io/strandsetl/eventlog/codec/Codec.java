package io.strandsetl.eventlog.codec;

import java.util.Locale;

/**
 * Compression of one event-log file, recognised by its first bytes (magic numbers), never by the
 * file name alone: Spark names files {@code .zstd}/{@code .lz4}/{@code .snappy}, other tools rename
 * them.
 */
public enum Codec {
  /** Uncompressed JSON lines (first non-blank byte is a curly brace). */
  PLAIN,
  /** gzip (RFC 1952), possibly several members (Databricks parts). */
  GZIP,
  /** zstd frames as written by Spark's ZStdCompressionCodec; several frames are read in order. */
  ZSTD,
  /** lz4-java {@code LZ4BlockOutputStream} framing (magic "LZ4Block"), Spark's LZ4 codec. */
  LZ4,
  /** snappy-java {@code SnappyOutputStream} framing (magic 0x82 "SNAPPY" 0x00), Spark's codec. */
  SNAPPY,
  /** The snappy framing format (stream identifier 0xff 0x06 0x00 0x00 "sNaPpY"). */
  SNAPPY_FRAMED,
  /** LZF (Spark's lzf codec, chunks start with "ZV"): recognised, not supported. */
  LZF,
  /** None of the above: not an event log. */
  UNKNOWN;

  /** Number of leading bytes {@link #detect} looks at. */
  public static final int MAGIC_BYTES = 16;

  /** Lower-case name used in reports ({@code plain}, {@code gzip}, {@code zstd}, …). */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Recognises the codec from the first {@code length} bytes of a file.
   *
   * @param head the first bytes of the file
   * @param length how many of them are valid (may be fewer than {@link #MAGIC_BYTES})
   */
  public static Codec detect(byte[] head, int length) {
    if (startsWith(head, length, 0x1f, 0x8b)) {
      return GZIP;
    }
    if (startsWith(head, length, 0x28, 0xb5, 0x2f, 0xfd)) {
      return ZSTD;
    }
    if (startsWith(head, length, 'L', 'Z', '4', 'B', 'l', 'o', 'c', 'k')) {
      return LZ4;
    }
    if (startsWith(head, length, 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0)) {
      return SNAPPY;
    }
    if (startsWith(head, length, 0xff, 0x06, 0x00, 0x00, 's', 'N', 'a', 'P', 'p', 'Y')) {
      return SNAPPY_FRAMED;
    }
    if (startsWith(head, length, 'Z', 'V')) {
      return LZF;
    }
    for (int i = 0; i < length; i++) {
      int b = head[i] & 0xff;
      if (b == '{') {
        return PLAIN;
      }
      // A UTF-8 byte-order mark or blank lines may precede the first event.
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != 0xef && b != 0xbb && b != 0xbf) {
        return UNKNOWN;
      }
    }
    return UNKNOWN;
  }

  private static boolean startsWith(byte[] head, int length, int... magic) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
