package io.strandsetl.spark.run;

/**
 * What one sink wrote.
 *
 * @param name sink name
 * @param path target directory
 * @param stagingPath where the run wrote before publishing
 * @param published true once the staged output replaced (or was added to) the target
 * @param targetFileSizeBytes the sink's target file size in bytes, null when not set
 * @param estimatedBytes Spark's estimate of the output, bytes; null when not used
 * @param plannedFiles number of write tasks Strands asked for, null when Spark planned them
 * @param files data files written
 * @param bytes bytes of data files written
 * @param averageFileBytes bytes / files, null when no file was written
 */
public record SinkRecord(
    String name,
    String path,
    String stagingPath,
    boolean published,
    Long targetFileSizeBytes,
    Long estimatedBytes,
    Integer plannedFiles,
    long files,
    long bytes,
    Long averageFileBytes) {
  SinkRecord withPublished() {
    return new SinkRecord(
        name,
        path,
        stagingPath,
        true,
        targetFileSizeBytes,
        estimatedBytes,
        plannedFiles,
        files,
        bytes,
        averageFileBytes);
  }
}
