package io.strandsetl.spark.run;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;

/**
 * The measured layout of a staged output (data files per directory) and the rule that decides
 * whether it is rewritten to land near a sink's {@code target_file_size}. See docs/pipelines.md,
 * "Target file size".
 *
 * @param directories per directory that holds data files (a partition directory, or the staging
 *     directory itself when not partitioned), in path order
 */
record FileSizing(Map<String, Directory> directories) {
  /** Files and bytes (data files only) of one directory. */
  record Directory(long files, long bytes) {}

  FileSizing {
    directories = java.util.Collections.unmodifiableMap(new TreeMap<>(directories));
  }

  static FileSizing measure(List<FileStatus> dataFiles) {
    Map<String, Directory> dirs = new TreeMap<>();
    for (FileStatus f : dataFiles) {
      dirs.merge(
          f.getPath().getParent().toString(),
          new Directory(1, f.getLen()),
          (a, b) -> new Directory(a.files() + b.files(), a.bytes() + b.bytes()));
    }
    return new FileSizing(dirs);
  }

  long files() {
    return directories.values().stream().mapToLong(Directory::files).sum();
  }

  long bytes() {
    return directories.values().stream().mapToLong(Directory::bytes).sum();
  }

  /**
   * Files the output should have: per directory max(1, ceil(bytes / target)), summed (files never
   * span directories, so a small partition still needs its own file).
   */
  long idealFiles(long targetBytes) {
    return directories.values().stream()
        .mapToLong(d -> Math.max(1, (d.bytes() + targetBytes - 1) / targetBytes))
        .sum();
  }

  /**
   * True when the files are far from the target and a rewrite can bring them nearer: more files
   * than {@link #idealFiles} with an average below target / 2 (too many small files), or fewer
   * files than ideal with an average above 2 × target (a partition written as one huge file).
   * Within a factor of two of the target a rewrite (one more full read and write) is not worth it.
   */
  boolean needsRewrite(long targetBytes) {
    long files = files();
    if (files == 0) {
      return false;
    }
    long ideal = idealFiles(targetBytes);
    double average = (double) bytes() / files;
    return (files > ideal && average < targetBytes / 2.0)
        || (files < ideal && average > 2.0 * targetBytes);
  }
}
