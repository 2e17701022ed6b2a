package io.strandsetl.spark.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

class FileSizingTest {
  private static final long MB = 1024L * 1024;

  /** {@code count} files of {@code bytes} each in directory {@code dir}. */
  private static List<FileStatus> files(String dir, int count, long bytes) {
    List<FileStatus> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(new FileStatus(bytes, false, 1, 1, 0, new Path(dir + "/part-" + i + ".parquet")));
    }
    return out;
  }

  @Test
  void manySmallFilesInOneDirectoryAreRewrittenToCeilBytesOverTarget() {
    FileSizing sizing = FileSizing.measure(files("file:/s", 16, 2 * MB)); // 32 MB in 16 files

    assertThat(sizing.idealFiles(8 * MB)).isEqualTo(4);
    assertThat(sizing.needsRewrite(8 * MB)).isTrue();
  }

  @Test
  void filesWithinAFactorOfTwoOfTheTargetAreKept() {
    FileSizing sizing = FileSizing.measure(files("file:/s", 16, 5 * MB)); // 80 MB, ideal 10

    assertThat(sizing.idealFiles(8 * MB)).isEqualTo(10);
    assertThat(sizing.needsRewrite(8 * MB)).isFalse(); // 5 MB >= 8 MB / 2
  }

  @Test
  void oneSmallFilePerPartitionDirectoryCannotBeMergedAndIsKept() {
    List<FileStatus> all = new ArrayList<>();
    for (int p = 0; p < 20; p++) {
      all.addAll(files("file:/s/p=" + p, 1, MB / 10));
    }
    FileSizing sizing = FileSizing.measure(all);

    assertThat(sizing.directories()).hasSize(20);
    assertThat(sizing.idealFiles(8 * MB)).isEqualTo(20);
    assertThat(sizing.needsRewrite(8 * MB)).isFalse();
  }

  @Test
  void partitionWrittenAsOneHugeFileIsRewritten() {
    List<FileStatus> all = new ArrayList<>(files("file:/s/p=a", 1, 64 * MB));
    all.addAll(files("file:/s/p=b", 1, 40 * MB));
    FileSizing sizing = FileSizing.measure(all);

    assertThat(sizing.idealFiles(8 * MB)).isEqualTo(13); // 8 + 5
    assertThat(sizing.needsRewrite(8 * MB)).isTrue(); // 52 MB average > 2 x 8 MB
  }

  @Test
  void emptyOutputIsNotRewritten() {
    assertThat(FileSizing.measure(List.of()).needsRewrite(MB)).isFalse();
  }
}
