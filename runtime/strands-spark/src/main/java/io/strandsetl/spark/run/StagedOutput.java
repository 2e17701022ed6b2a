package io.strandsetl.spark.run;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.pipeline.WriteMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The staging directory of one sink and its publication. Staging and backup directories live beside
 * the target and start with a dot, so Spark and Hadoop treat them as hidden when the parent
 * directory is read as a dataset.
 */
final class StagedOutput {
  static final String STAGING = ".strands-staging-";
  static final String BACKUP = ".strands-backup-";

  private final FileSystem fs;
  private final Path target;
  private final Path staging;
  private final Path backup;

  StagedOutput(String targetPath, String executionId, Configuration hadoop) {
    try {
      Path t = new Path(targetPath);
      this.fs = t.getFileSystem(hadoop);
      this.target = fs.makeQualified(t);
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot open file system of " + targetPath + ": " + e.getMessage());
    }
    Path parent = target.getParent();
    this.staging = new Path(parent, "." + target.getName() + STAGING + executionId);
    this.backup = new Path(parent, "." + target.getName() + BACKUP + executionId);
  }

  Path staging() {
    return staging;
  }

  Path target() {
    return target;
  }

  /**
   * Where a compaction rewrite of the staged output goes: beside the staging directory and with its
   * prefix, so a run killed during the rewrite leaves only directories that the next run's {@link
   * #recoverLeftovers()} deletes; the target is not touched.
   */
  Path rewriteStaging() {
    return new Path(staging.getParent(), staging.getName() + "-rewrite");
  }

  /** Replaces the staging directory by the finished {@link #rewriteStaging()} directory. */
  void replaceStagingWithRewrite() throws IOException {
    if (!fs.delete(staging, true)) {
      throw new IOException("delete " + staging + " failed");
    }
    rename(rewriteStaging(), staging);
  }

  /**
   * Repairs what an earlier killed run left: a backup whose target is missing is put back (the run
   * died between the two renames of a swap), other backups and staging directories are deleted.
   * Assumes one run at a time writes a given target.
   */
  void recoverLeftovers() throws IOException {
    Path parent = target.getParent();
    if (!fs.exists(parent)) {
      return;
    }
    List<FileStatus> backups = new ArrayList<>();
    for (FileStatus s : fs.listStatus(parent)) {
      String name = s.getPath().getName();
      if (name.startsWith("." + target.getName() + STAGING)) {
        fs.delete(s.getPath(), true);
      } else if (name.startsWith("." + target.getName() + BACKUP)) {
        backups.add(s);
      }
    }
    backups.sort(Comparator.comparingLong(FileStatus::getModificationTime).reversed());
    for (FileStatus b : backups) {
      if (!fs.exists(target)) {
        fs.rename(b.getPath(), target);
      } else {
        fs.delete(b.getPath(), true);
      }
    }
  }

  /** Data files written to staging (names not starting with '_' or '.'), recursively. */
  List<FileStatus> stagedDataFiles() throws IOException {
    List<FileStatus> files = new ArrayList<>();
    if (!fs.exists(staging)) {
      return files;
    }
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(staging, true);
    while (it.hasNext()) {
      LocatedFileStatus s = it.next();
      if (isData(s.getPath())) {
        files.add(s);
      }
    }
    return files;
  }

  private boolean isData(Path file) {
    for (Path p = file; p != null && !p.equals(staging); p = p.getParent()) {
      String n = p.getName();
      if (n.startsWith("_") || n.startsWith(".")) {
        return false;
      }
    }
    return true;
  }

  /** Makes the staged output visible at the target. */
  void publish(WriteMode mode) throws IOException {
    fs.mkdirs(target.getParent());
    switch (mode) {
      case OVERWRITE -> {
        boolean hadTarget = fs.exists(target);
        if (hadTarget) {
          rename(target, backup);
        }
        rename(staging, target);
        if (hadTarget) {
          fs.delete(backup, true);
        }
      }
      case APPEND -> {
        if (!fs.exists(target)) {
          rename(staging, target);
          return;
        }
        for (FileStatus f : stagedDataFiles()) {
          String relative =
              f.getPath().toUri().getPath().substring(staging.toUri().getPath().length() + 1);
          Path dest = new Path(target, relative);
          fs.mkdirs(dest.getParent());
          rename(f.getPath(), dest);
        }
        fs.delete(staging, true);
      }
    }
  }

  /** Removes the staging directory of a run that will not publish. */
  void discard() {
    try {
      fs.delete(rewriteStaging(), true);
      fs.delete(staging, true);
    } catch (IOException e) {
      // Left for the next run's recoverLeftovers(); the target is untouched either way.
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("rename " + from + " -> " + to + " failed");
    }
  }
}
