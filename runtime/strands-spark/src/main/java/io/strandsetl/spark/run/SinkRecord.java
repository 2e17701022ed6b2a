package io.strandsetl.spark.run;

/**
 * What one sink wrote.
 *
 * @param name sink name
 * @param path target directory
 * @param stagingPath where the run wrote before publishing
 * @param published true once the staged output replaced (or was added to) the target
 * @param targetFileSizeBytes the sink's target file size in bytes, null when not set
 * @param estimatedBytes Spark's estimate of the output, bytes; null when not set or unknown
 * @param plannedFiles number of write tasks Strands asked for in the first write (from the
 *     estimate), null when Spark planned them
 * @param firstWriteFiles data files of the first write, before any rewrite
 * @param rewritten true when the measured first write was far from the target and was rewritten
 *     once (see docs/pipelines.md, "Target file size")
 * @param files data files written (after the rewrite, if any)
 * @param bytes bytes of data files written
 * @param averageFileBytes bytes / files, null when no file was written
 * @param averageToTarget averageFileBytes / targetFileSizeBytes, null when either is null
 */
public record SinkRecord(
    String name,
    String path,
    String stagingPath,
    boolean published,
    Long targetFileSizeBytes,
    Long estimatedBytes,
    Integer plannedFiles,
    long firstWriteFiles,
    boolean rewritten,
    long files,
    long bytes,
    Long averageFileBytes,
    Double averageToTarget) {
  SinkRecord withPublished() {
    return new SinkRecord(
        name,
        path,
        stagingPath,
        true,
        targetFileSizeBytes,
        estimatedBytes,
        plannedFiles,
        firstWriteFiles,
        rewritten,
        files,
        bytes,
        averageFileBytes,
        averageToTarget);
  }
}
