package io.strandsetl.eventlog;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The files of one Spark application attempt's event log, in reading order.
 *
 * @param appId application id as far as the file names tell (the log's own id wins when read)
 * @param files files to read, in order (one file, rolling parts by index, Databricks parts by time)
 * @param format plain, gzip, zstd, lz4, snappy, snappy-framed (one file), rolling or databricks
 * @param inProgress true when the names say the application was still running ({@code .inprogress})
 * @param otherAttempts names of the other attempts of the same application found beside it (oldest
 *     first); they are not read
 */
public record EventLogSource(
    String appId, List<Path> files, String format, boolean inProgress, List<String> otherAttempts) {

  public EventLogSource {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(format, "format");
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("an event log source needs at least one file");
    }
    otherAttempts = otherAttempts == null ? List.of() : List.copyOf(otherAttempts);
  }
}
