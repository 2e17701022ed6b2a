package io.strandsetl.spark.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.pipeline.WriteMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing on the local Hadoop file system, without Spark. */
class StagedOutputTest {
  @TempDir Path dir;

  private StagedOutput staged(String executionId) {
    return new StagedOutput(dir.resolve("out/t").toString(), executionId, new Configuration());
  }

  private Path stagingOf(StagedOutput s) {
    return Path.of(s.staging().toUri());
  }

  @Test
  void overwriteSwapsDirectoriesAndRemovesTheBackup() throws Exception {
    Files.createDirectories(dir.resolve("out/t"));
    Files.writeString(dir.resolve("out/t/part-0.csv"), "old");
    StagedOutput s = staged("run2");
    Files.createDirectories(stagingOf(s));
    Files.writeString(stagingOf(s).resolve("part-1.csv"), "new");

    s.publish(WriteMode.OVERWRITE);

    assertThat(dir.resolve("out/t/part-1.csv")).hasContent("new");
    assertThat(dir.resolve("out/t/part-0.csv")).doesNotExist();
    assertThat(PipelineRunnerTest.leftovers(dir.resolve("out"))).isEmpty();
  }

  @Test
  void appendMovesDataFilesKeepingPartitionDirectories() throws Exception {
    Files.createDirectories(dir.resolve("out/t/day=1"));
    Files.writeString(dir.resolve("out/t/day=1/part-0.csv"), "old");
    StagedOutput s = staged("run2");
    Files.createDirectories(stagingOf(s).resolve("day=2"));
    Files.writeString(stagingOf(s).resolve("day=2/part-1.csv"), "new");
    Files.writeString(stagingOf(s).resolve("_SUCCESS"), "");

    s.publish(WriteMode.APPEND);

    assertThat(dir.resolve("out/t/day=1/part-0.csv")).hasContent("old");
    assertThat(dir.resolve("out/t/day=2/part-1.csv")).hasContent("new");
    assertThat(stagingOf(s)).doesNotExist();
  }

  @Test
  void restoresTheBackupOfARunKilledBetweenTheTwoRenames() throws Exception {
    // A killed run moved the old output to its backup but never moved its staging into place.
    Path backup = dir.resolve("out/.t" + StagedOutput.BACKUP + "run1");
    Files.createDirectories(backup);
    Files.writeString(backup.resolve("part-0.csv"), "old");
    Path oldStaging = dir.resolve("out/.t" + StagedOutput.STAGING + "run1");
    Files.createDirectories(oldStaging);
    Files.writeString(oldStaging.resolve("part-9.csv"), "half");

    staged("run2").recoverLeftovers();

    assertThat(dir.resolve("out/t/part-0.csv")).hasContent("old");
    assertThat(PipelineRunnerTest.leftovers(dir.resolve("out"))).isEmpty();
  }

  @Test
  void runKilledDuringARewriteLeavesTheTargetAndTheNextRunCleansBothStagingDirectories()
      throws Exception {
    Files.createDirectories(dir.resolve("out/t"));
    Files.writeString(dir.resolve("out/t/part-0.csv"), "old");
    // What a run killed mid-rewrite leaves: its first write and a half-written rewrite.
    StagedOutput killed = staged("run1");
    Files.createDirectories(stagingOf(killed));
    Files.writeString(stagingOf(killed).resolve("part-1.csv"), "first write");
    Path rewrite = Path.of(killed.rewriteStaging().toUri());
    Files.createDirectories(rewrite);
    Files.writeString(rewrite.resolve("part-2.csv"), "half");

    staged("run2").recoverLeftovers();

    assertThat(dir.resolve("out/t/part-0.csv")).hasContent("old");
    assertThat(PipelineRunnerTest.leftovers(dir.resolve("out"))).isEmpty();
  }

  @Test
  void finishedRewriteReplacesTheStagedFirstWrite() throws Exception {
    StagedOutput s = staged("run1");
    Files.createDirectories(stagingOf(s));
    Files.writeString(stagingOf(s).resolve("part-1.csv"), "small");
    Path rewrite = Path.of(s.rewriteStaging().toUri());
    Files.createDirectories(rewrite);
    Files.writeString(rewrite.resolve("part-2.csv"), "compacted");

    s.replaceStagingWithRewrite();

    assertThat(stagingOf(s).resolve("part-2.csv")).hasContent("compacted");
    assertThat(stagingOf(s).resolve("part-1.csv")).doesNotExist();
    assertThat(rewrite).doesNotExist();
  }
}
