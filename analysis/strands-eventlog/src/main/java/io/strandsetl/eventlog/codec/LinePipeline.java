package io.strandsetl.eventlog.codec;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Decompresses and splits lines on a second thread while the caller's thread handles them: on the
 * large logs decompression and line splitting are about a third of the work, and the machine
 * usually has a spare core. Lines reach the sink in file order, exactly as {@link
 * LineSplitter#split} would hand them over on one thread, and an exception of the reading side
 * (I/O, a corrupt stream, the decompressed-size limit) is rethrown on the caller's thread after the
 * lines read before it, as on one thread.
 *
 * <p>Memory: at most {@link #BATCHES} batches of {@link #BATCH_BYTES} bytes in flight (plus a
 * one-off batch for a line longer than that), on top of the splitter's own buffer.
 */
public final class LinePipeline {
  static final int BATCH_BYTES = 1 << 20;
  static final int BATCHES = 4;
  private static final int BATCH_LINES = 4096;

  /** A {@link LineSplitter.LineSink} told, before each line, how far decompression had got. */
  public interface Sink extends LineSplitter.LineSink {
    /** Decompressed bytes read when the next line was split off (as {@code produced()}). */
    void produced(long bytes);
  }

  /** Lines copied out of the splitter's buffer; length -1 marks an over-long (skipped) line. */
  private static final class Batch {
    final byte[] data;
    final boolean recycled;
    int used;
    int count;
    int[] starts = new int[BATCH_LINES];
    int[] lengths = new int[BATCH_LINES];
    long[] produced = new long[BATCH_LINES];
    boolean lastUnterminated;
    boolean end;
    Throwable error;

    Batch(int capacity, boolean recycled) {
      this.data = new byte[capacity];
      this.recycled = recycled;
    }

    void clear() {
      used = 0;
      count = 0;
      lastUnterminated = false;
    }

    void add(byte[] buffer, int offset, int length, long producedBytes) {
      if (count == starts.length) {
        starts = java.util.Arrays.copyOf(starts, count * 2);
        lengths = java.util.Arrays.copyOf(lengths, count * 2);
        produced = java.util.Arrays.copyOf(produced, count * 2);
      }
      if (length > 0) {
        System.arraycopy(buffer, offset, data, used, length);
      }
      starts[count] = used;
      lengths[count] = length;
      produced[count] = producedBytes;
      used += Math.max(0, length);
      count++;
    }
  }

  private LinePipeline() {}

  /**
   * Reads {@code in} to its end on a new thread, handing every line to {@code sink} on this one.
   *
   * @param in the decompressed stream; only the reading thread touches it until this returns
   */
  public static void run(DecodedInput in, LineSplitter splitter, Sink sink) throws IOException {
    BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 2);
    for (int i = 0; i < BATCHES; i++) {
      free.add(new Batch(BATCH_BYTES, true));
    }
    Thread reader = new Thread(() -> produce(in, splitter, free, full), "strands-eventlog-read");
    reader.setDaemon(true);
    reader.start();
    boolean done = false;
    try {
      while (!done) {
        Batch b = full.take();
        for (int i = 0; i < b.count; i++) {
          sink.produced(b.produced[i]);
          if (b.lengths[i] < 0) {
            sink.overlongLine();
          } else {
            boolean terminated = !(b.lastUnterminated && i == b.count - 1);
            sink.line(b.data, b.starts[i], b.lengths[i], terminated);
          }
        }
        done = b.end;
        Throwable error = b.error;
        if (b.recycled) {
          b.clear();
          free.put(b);
        }
        if (error != null) {
          rethrow(error);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading " + in.file());
    } finally {
      // Stop the reading thread before the caller closes the stream under it.
      reader.interrupt();
      boolean interrupted = false;
      while (true) {
        try {
          reader.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void produce(
      DecodedInput in,
      LineSplitter splitter,
      BlockingQueue<Batch> free,
      BlockingQueue<Batch> full) {
    Batch[] current = new Batch[1];
    try {
      current[0] = free.take();
      splitter.split(
          in,
          new LineSplitter.LineSink() {
            @Override
            public void line(byte[] buffer, int offset, int length, boolean terminated) {
              Batch b = room(current, length, free, full);
              b.add(buffer, offset, length, in.produced());
              b.lastUnterminated = !terminated;
            }

            @Override
            public void overlongLine() {
              room(current, 0, free, full).add(null, 0, -1, in.produced());
            }
          });
      current[0].end = true;
      full.put(current[0]);
    } catch (InterruptedException | Stop e) {
      // The consumer stopped (an error of its own); it does not read what is left.
    } catch (Throwable e) {
      if (current[0] != null) {
        current[0].end = true;
        current[0].error = e;
        try {
          full.put(current[0]);
        } catch (InterruptedException stopped) {
          // The consumer is gone.
        }
      }
    }
  }

  /** The batch to add a line of {@code length} bytes to, sending the current one when full. */
  private static Batch room(
      Batch[] current, int length, BlockingQueue<Batch> free, BlockingQueue<Batch> full) {
    try {
      Batch b = current[0];
      if (b.used + length <= b.data.length) {
        return b;
      }
      if (b.count > 0) {
        full.put(b);
        b = free.take();
        current[0] = b;
      }
      if (length > b.data.length) {
        // A line longer than a batch travels alone in a batch of its own size.
        Batch big = new Batch(length, false);
        full.put(b); // the empty recycled batch goes back through the consumer
        current[0] = big;
        return big;
      }
      return b;
    } catch (InterruptedException e) {
      throw new Stop();
    }
  }

  /** Unwinds the reading thread out of the splitter when the consumer stopped. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  private static void rethrow(Throwable e) throws IOException {
    if (e instanceof IOException io) {
      throw io;
    }
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error err) {
      throw err;
    }
    throw new IOException(e);
  }
}
