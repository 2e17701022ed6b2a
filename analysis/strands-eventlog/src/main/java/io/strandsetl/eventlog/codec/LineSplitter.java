package io.strandsetl.eventlog.codec;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.function.UnaryOperator;

/**
 * Splits a byte stream into lines at '\n' without decoding characters (JSON is parsed straight from
 * the bytes). A line longer than {@code maxLineBytes} is skipped without being buffered: the
 * splitter drops bytes until the next newline and reports it through {@link LineSink#overlongLine}.
 */
public final class LineSplitter {
  private static final int INITIAL_BUFFER_BYTES = 1 << 20;
  // Reads 8 bytes at a time to look for '\n' (lowest address = lowest bits).
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /** Receives lines; the array is reused, so a sink must not keep it. */
  public interface LineSink {
    /**
     * One complete line without its terminator.
     *
     * @param terminated false for a last line that had no newline (possibly cut off)
     */
    void line(byte[] buffer, int offset, int length, boolean terminated);

    /** A line longer than the limit was skipped. */
    void overlongLine();
  }

  private final int maxLineBytes;
  private byte[] buffer;

  public LineSplitter(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
    this.buffer = new byte[Math.min(INITIAL_BUFFER_BYTES, Math.max(1024, maxLineBytes))];
  }

  /** Reads {@code in} to its end, handing every line to {@code sink}. */
  public void split(InputStream in, LineSink sink) throws IOException {
    split(in, sink, used -> used);
  }

  /**
   * As {@link #split(InputStream, LineSink)}, but before the bytes of lines already handed over are
   * overwritten, {@code exchange} receives the buffer and returns the one to go on with (the same
   * one on a single thread; a fresh one when another thread still reads those lines). A returned
   * buffer shorter than the current one is replaced by a new one of the current length.
   */
  public void split(InputStream in, LineSink sink, UnaryOperator<byte[]> exchange)
      throws IOException {
    int start = 0; // first byte of the current line
    int end = 0; // end of valid data
    int scan = 0; // next byte to look at for '\n'
    boolean skipping = false; // inside an over-long line
    while (true) {
      if (end == buffer.length) {
        if (start > 0) {
          byte[] next = usable(exchange.apply(buffer));
          System.arraycopy(buffer, start, next, 0, end - start);
          buffer = next;
          end -= start;
          scan -= start;
          start = 0;
        } else if (buffer.length < maxLineBytes) {
          byte[] bigger = new byte[(int) Math.min((long) maxLineBytes, 2L * buffer.length)];
          System.arraycopy(buffer, 0, bigger, 0, end);
          buffer = bigger;
        } else {
          // The line is over the limit: forget what we have and skip to the next newline.
          if (!skipping) {
            skipping = true;
            sink.overlongLine();
          }
          start = 0;
          end = 0;
          scan = 0;
        }
      }
      int n = in.read(buffer, end, buffer.length - end);
      if (n < 0) {
        break;
      }
      end += n;
      for (int i = indexOfNewline(buffer, scan, end);
          i >= 0;
          i = indexOfNewline(buffer, i + 1, end)) {
        if (!skipping) {
          int lineEnd = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
          sink.line(buffer, start, lineEnd - start, true);
        }
        skipping = false;
        start = i + 1;
      }
      scan = end;
      if (start == end) {
        if (start > 0) {
          buffer = usable(exchange.apply(buffer));
        }
        start = 0;
        end = 0;
        scan = 0;
      }
    }
    if (!skipping && end > start) {
      sink.line(buffer, start, end - start, false);
    }
  }

  /** The buffer the last lines were handed over in. */
  byte[] buffer() {
    return buffer;
  }

  private byte[] usable(byte[] next) {
    return next.length >= buffer.length ? next : new byte[buffer.length];
  }

  /** The index of the first '\n' in b[from, to), or -1; 8 bytes per step (SWAR). */
  static int indexOfNewline(byte[] b, int from, int to) {
    int i = from;
    for (int last = to - 8; i <= last; i += 8) {
      long x = (long) LONGS.get(b, i) ^ NEWLINES;
      // A byte of x is zero where b has '\n'; the lowest flagged byte is exact.
      long found = (x - ONES) & ~x & HIGHS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
