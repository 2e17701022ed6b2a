package io.strandsetl.eventlog.codec;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
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
 * <p>The splitter's buffers themselves travel (no copy): {@link #BATCHES} buffers as long as the
 * splitter's (1 MiB by default; they grow like it for a longer line, up to maxLineBytes) plus the
 * one the splitter started with.
 */
public final class LinePipeline {
  static final int BATCHES = 4;
  private static final int BATCH_LINES = 4096;

  /** A {@link LineSplitter.LineSink} told, before each line, how far decompression had got. */
  public interface Sink extends LineSplitter.LineSink {
    /** Decompressed bytes read when the next line was split off (as {@code produced()}). */
    void produced(long bytes);
  }

  /**
   * A buffer the splitter filled and the lines in it (no copy); length -1 marks an over-long
   * (skipped) line.
   */
  private static final class Batch {
    byte[] data;
    int count;
    int[] starts = new int[BATCH_LINES];
    int[] lengths = new int[BATCH_LINES];
    long[] produced = new long[BATCH_LINES];
    boolean lastUnterminated;
    boolean end;
    Throwable error;

    Batch(int capacity) {
      this.data = new byte[capacity];
    }

    void clear() {
      count = 0;
      lastUnterminated = false;
    }

    void add(int offset, int length, long producedBytes) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        lengths = Arrays.copyOf(lengths, count * 2);
        produced = Arrays.copyOf(produced, count * 2);
      }
      starts[count] = offset;
      lengths[count] = length;
      produced[count] = producedBytes;
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
    BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES);
    for (int i = 0; i < BATCHES; i++) {
      // As long as the splitter's own: a longer buffer would let longer lines through than
      // maxLineBytes allows on one thread.
      free.add(new Batch(splitter.buffer().length));
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
        b.clear();
        free.put(b);
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
              current[0].add(offset, length, in.produced());
              current[0].lastUnterminated = !terminated;
            }

            @Override
            public void overlongLine() {
              current[0].add(0, -1, in.produced());
            }
          },
          used -> {
            // The lines handed over live in `used`: send them and go on in a free buffer.
            try {
              current[0].data = used;
              full.put(current[0]);
              current[0] = free.take();
              return current[0].data;
            } catch (InterruptedException e) {
              throw new Stop();
            }
          });
      current[0].data = splitter.buffer();
      current[0].end = true;
      full.put(current[0]);
    } catch (InterruptedException | Stop e) {
      // The consumer stopped (an error of its own); it does not read what is left.
    } catch (Throwable e) {
      if (current[0] != null) {
        current[0].data = splitter.buffer();
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
