package io.strandsetl.eventlog.codec;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.StreamingXXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Reads lz4-java's {@code LZ4BlockOutputStream} framing, which Spark's LZ4CompressionCodec writes.
 * Written here (instead of using {@code LZ4BlockInputStream}) because that class only accepts the
 * "fast" decompressor, which trusts the block header; an event log is untrusted input, so this one
 * uses the bounds-checked safe decompressor and rejects blocks larger than 32 MiB.
 *
 * <p>Block layout: magic "LZ4Block" (8 bytes), token (1 byte: method in the high nibble, log2 of
 * the block size − 10 in the low nibble), compressed length, original length and XXHash32 checksum
 * (4 bytes little-endian each), then the data. A block with original length 0 ends one stream;
 * concatenated streams (Spark appends) are read on.
 */
final class Lz4BlockInputStream extends InputStream {
  private static final byte[] MAGIC = {'L', 'Z', '4', 'B', 'l', 'o', 'c', 'k'};
  private static final int HEADER_LENGTH = MAGIC.length + 1 + 4 + 4 + 4;
  private static final int METHOD_RAW = 0x10;
  private static final int METHOD_LZ4 = 0x20;
  private static final int MAX_BLOCK_BYTES = 32 << 20;
  // lz4-java's default seed for the block checksum (LZ4BlockOutputStream.DEFAULT_SEED).
  private static final int CHECKSUM_SEED = 0x9747b28c;

  private final InputStream in;
  private final LZ4SafeDecompressor decompressor = LZ4Factory.safeInstance().safeDecompressor();
  private final StreamingXXHash32 hash =
      XXHashFactory.fastestJavaInstance().newStreamingHash32(CHECKSUM_SEED);
  private final byte[] header = new byte[HEADER_LENGTH];
  private byte[] compressed = new byte[0];
  private byte[] block = new byte[0];
  private int position;
  private int limit;
  private boolean finished;

  Lz4BlockInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    while (position == limit) {
      if (finished || !nextBlock()) {
        return -1;
      }
    }
    int n = Math.min(length, limit - position);
    System.arraycopy(block, position, target, offset, n);
    position += n;
    return n;
  }

  private boolean nextBlock() throws IOException {
    int got = in.readNBytes(header, 0, HEADER_LENGTH);
    if (got == 0) {
      finished = true;
      return false;
    }
    if (got < HEADER_LENGTH) {
      throw new EOFException("truncated LZ4 block header");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (header[i] != MAGIC[i]) {
        throw new IOException("bad LZ4 block magic");
      }
    }
    int method = header[8] & 0xf0;
    int compressedLength = intLe(9);
    int originalLength = intLe(13);
    int checksum = intLe(17);
    if (compressedLength < 0
        || originalLength < 0
        || compressedLength > MAX_BLOCK_BYTES
        || originalLength > MAX_BLOCK_BYTES
        || (method != METHOD_RAW && method != METHOD_LZ4)
        || (method == METHOD_RAW && compressedLength != originalLength)) {
      throw new IOException("corrupt LZ4 block header");
    }
    if (originalLength == 0) {
      // End mark of one stream; another stream may follow (appended writes).
      position = 0;
      limit = 0;
      return true;
    }
    if (block.length < originalLength) {
      block = new byte[originalLength];
    }
    if (method == METHOD_RAW) {
      readFully(block, compressedLength);
    } else {
      if (compressed.length < compressedLength) {
        compressed = new byte[compressedLength];
      }
      readFully(compressed, compressedLength);
      try {
        int n = decompressor.decompress(compressed, 0, compressedLength, block, 0, originalLength);
        if (n != originalLength) {
          throw new IOException("corrupt LZ4 block: length mismatch");
        }
      } catch (LZ4Exception e) {
        throw new IOException("corrupt LZ4 block", e);
      }
    }
    hash.reset();
    hash.update(block, 0, originalLength);
    // Spark masks the checksum to 28 bits (lz4-java does the same when writing).
    if ((hash.getValue() & 0xFFFFFFF) != checksum) {
      throw new IOException("corrupt LZ4 block: checksum mismatch");
    }
    position = 0;
    limit = originalLength;
    return true;
  }

  private void readFully(byte[] target, int length) throws IOException {
    if (in.readNBytes(target, 0, length) < length) {
      throw new EOFException("truncated LZ4 block");
    }
  }

  private int intLe(int at) {
    return (header[at] & 0xff)
        | (header[at + 1] & 0xff) << 8
        | (header[at + 2] & 0xff) << 16
        | (header[at + 3] & 0xff) << 24;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
