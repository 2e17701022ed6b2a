package io.strandsetl.model.run;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the reader saw of the log itself.
 *
 * @param files the files read, in order
 * @param format plain, gzip, zstd, lz4, snappy, lzf, rolling, databricks
 * @param lines lines read
 * @param malformedLines lines that were not valid JSON events (skipped)
 * @param firstMalformedLine 1-based line number of the first malformed line, null if none
 * @param truncatedLastLine true when the last line was cut off (a log still being written)
 * @param unknownEvents counts of event types the reader does not know, by name (ignored)
 * @param warnings human-readable notes (for example "other attempts ignored: 1")
 */
public record LogDiagnostics(
    List<String> files,
    String format,
    long lines,
    long malformedLines,
    Long firstMalformedLine,
    boolean truncatedLastLine,
    Map<String, Long> unknownEvents,
    List<String> warnings) {

  public LogDiagnostics {
    files = files == null ? List.of() : List.copyOf(files);
    unknownEvents =
        unknownEvents == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(unknownEvents));
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
