package io.strandsetl.eventlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.strandsetl.eventlog.codec.DecodedInput;
import io.strandsetl.eventlog.codec.LinePipeline;
import io.strandsetl.eventlog.codec.LineSplitter;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.run.RunAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads a Spark event log into a {@link RunAnalysis} in one streaming pass: bytes are split into
 * lines without decoding, each line is parsed with Jackson's streaming parser, and events are
 * aggregated per stage attempt, executor, job and SQL execution. Task-level events are never kept,
 * so memory depends on the number of stages, executors and SQL metrics, not on the number of tasks.
 * Thread-safe: every {@link #read} has its own state.
 */
public final class EventLogReader {
  // A log with this many lines or decompressed bytes and no event at all is not an event log;
  // stop early instead of reading gigabytes of garbage.
  private static final long GIVE_UP_LINES = 1000;
  private static final long GIVE_UP_BYTES = 64L << 20;

  /**
   * System property: {@code true} decompresses and splits lines on a second thread ({@link
   * LinePipeline}). Off by default: on the 2-core machine of bench/README.md the second thread
   * competes with the JIT compiler in the first reads of a JVM, and the benchmark's runs right
   * after its warm-up were slower with it (q88: 360-387 vs 310 ms median); it only paid off after
   * several reads in the same JVM, with a spare core.
   */
  public static final String PIPELINE_PROPERTY = "strands.eventlog.pipeline";

  private final EventLogReaderOptions options;
  private final JsonFactory json;
  private final boolean pipelined;

  public EventLogReader(EventLogReaderOptions options) {
    this(options, Boolean.getBoolean(PIPELINE_PROPERTY));
  }

  EventLogReader(EventLogReaderOptions options, boolean pipelined) {
    this.pipelined = pipelined;
    this.options = Objects.requireNonNull(options, "options");
    this.json =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxStringLength(options.maxLineBytes())
                    .maxNestingDepth(2000)
                    .build())
            .build();
  }

  public static EventLogReader withDefaults() {
    return new EventLogReader(EventLogReaderOptions.defaults());
  }

  /**
   * Reads the only application at {@code path} (a file or a log directory).
   *
   * @throws StrandsException INVALID_ARGUMENT when the path holds several applications
   */
  public RunAnalysis read(Path path) {
    List<EventLogSource> sources = EventLogSources.discover(path);
    if (sources.size() != 1) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid event log path: "
              + path
              + " (it holds "
              + sources.size()
              + " applications; point at one of them, or use EventLogSources.discover)");
    }
    return read(sources.get(0));
  }

  /** Reads one application's log. */
  public RunAnalysis read(EventLogSource source) {
    ApplicationReplay replay = new ApplicationReplay(source, json);
    LogDiagnosticsBuilder diagnostics = new LogDiagnosticsBuilder();
    diagnostics.format = source.format();
    LineSplitter splitter = new LineSplitter(options.maxLineBytes());
    List<Path> files = source.files();
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      diagnostics.files.add(file.toString());
      readFile(file, i == files.size() - 1, splitter, replay, diagnostics);
    }
    if (replay.events() == 0) {
      throw notAnEventLog(source, diagnostics);
    }
    if (diagnostics.overlongLines > 0) {
      replay.warn(
          diagnostics.overlongLines
              + " line(s) longer than "
              + options.maxLineBytes()
              + " bytes skipped (EventLogReaderOptions.maxLineBytes)");
    }
    if (diagnostics.truncatedLastLine) {
      replay.warn("the last line is cut off: the log was still being written or was truncated");
    }
    return replay.finish(diagnostics);
  }

  private void readFile(
      Path file,
      boolean lastFile,
      LineSplitter splitter,
      ApplicationReplay replay,
      LogDiagnosticsBuilder diagnostics) {
    long limit;
    try {
      long size = Files.size(file);
      if (size == 0 && !lastFile) {
        // Spark may leave an empty rolled part behind; it holds no events.
        return;
      }
      limit = options.decompressedLimit(size);
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot read event log " + file + ": " + e.getMessage(), e);
    }
    try (DecodedInput in = DecodedInput.open(file, limit)) {
      Sink sink = new Sink(in, lastFile, replay, diagnostics);
      if (pipelined) {
        LinePipeline.run(in, splitter, sink);
      } else {
        splitter.split(in, sink);
      }
    } catch (IOException e) {
      // A compressed stream that ends early (a log still being written, a cut copy).
      if (replay.events() == 0) {
        throw new StrandsException(
            ErrorCode.NOT_AN_EVENT_LOG,
            "Invalid event log: " + file + " (cannot decompress: " + oneLine(e) + ")",
            e);
      }
      diagnostics.truncatedLastLine = true;
      replay.warn("compressed data of " + file.getFileName() + " ends early: " + oneLine(e));
    }
  }

  private final class Sink implements LinePipeline.Sink {
    private final DecodedInput in;
    // Decompressed bytes when the current line was split off (set by the pipeline).
    private long produced;
    private final boolean lastFile;
    private final ApplicationReplay replay;
    private final LogDiagnosticsBuilder diagnostics;

    Sink(
        DecodedInput in,
        boolean lastFile,
        ApplicationReplay replay,
        LogDiagnosticsBuilder diagnostics) {
      this.in = in;
      this.lastFile = lastFile;
      this.replay = replay;
      this.diagnostics = diagnostics;
    }

    @Override
    public void produced(long bytes) {
      produced = bytes;
    }

    @Override
    public void line(byte[] buffer, int offset, int length, boolean terminated) {
      diagnostics.lines++;
      if (isBlank(buffer, offset, length)) {
        return;
      }
      if (replay.onLineFast(buffer, offset, length)) {
        giveUpIfNoEvents();
        return;
      }
      try (JsonParser p = json.createParser(buffer, offset, length)) {
        replay.onLine(p, buffer, offset, length);
      } catch (IOException | RuntimeException e) {
        if (e instanceof StrandsException se) {
          throw se;
        }
        if (!terminated && lastFile) {
          diagnostics.truncatedLastLine = true;
        } else {
          diagnostics.malformed();
        }
      }
      giveUpIfNoEvents();
    }

    @Override
    public void overlongLine() {
      diagnostics.lines++;
      diagnostics.overlongLines++;
      diagnostics.malformed();
      giveUpIfNoEvents();
    }

    private void giveUpIfNoEvents() {
      if (replay.events() == 0
          && (diagnostics.lines >= GIVE_UP_LINES
              || (pipelined ? produced : in.produced()) >= GIVE_UP_BYTES)) {
        throw new StrandsException(
            ErrorCode.NOT_AN_EVENT_LOG,
            "Invalid event log: "
                + in.file()
                + " (no Spark listener event in the first "
                + diagnostics.lines
                + " lines; point at a Spark event log)");
      }
    }
  }

  private static boolean isBlank(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  private static StrandsException notAnEventLog(EventLogSource source, LogDiagnosticsBuilder d) {
    return new StrandsException(
        ErrorCode.NOT_AN_EVENT_LOG,
        "Invalid event log: "
            + (source.files().size() == 1
                ? source.files().get(0)
                : source.files().get(0).getParent())
            + " (no Spark listener events in "
            + d.lines
            + " lines"
            + (d.malformedLines > 0 ? ", " + d.malformedLines + " malformed" : "")
            + "; point at a Spark event log)");
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
