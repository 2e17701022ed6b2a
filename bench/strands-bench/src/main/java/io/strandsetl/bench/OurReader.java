package io.strandsetl.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * Our analysis of one event log: {@code EventLogReader.withDefaults().read(path)}. Bound by
 * reflection so that the harness builds and measures the Spark side while the reader is still being
 * written in parallel; the cost of one reflective call per run is nanoseconds against a read of
 * many milliseconds.
 */
final class OurReader {
  private static final String READER = "io.strandsetl.eventlog.EventLogReader";

  private OurReader() {}

  /** Whether the reader class is on the class path. */
  static boolean available() {
    try {
      Class.forName(READER);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Reads the log and returns the {@code RunAnalysis} (kept live by the caller). */
  static Object read(Path log) throws Exception {
    Class<?> type = Class.forName(READER);
    Object reader = type.getMethod("withDefaults").invoke(null);
    Method read = type.getMethod("read", Path.class);
    try {
      return read.invoke(reader, log);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
