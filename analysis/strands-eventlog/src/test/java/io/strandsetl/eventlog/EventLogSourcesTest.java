package io.strandsetl.eventlog;

import static io.strandsetl.eventlog.TestLogs.smallApp;
import static io.strandsetl.eventlog.TestLogs.taskEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.run.RunAnalysis;
import io.strandsetl.testkit.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogSourcesTest {
  @TempDir Path dir;

  /** Lines of a small app split into n parts at line boundaries. */
  private static String[] split(String log, int n) {
    String[] lines = log.split("\n");
    String[] parts = new String[n];
    int per = (lines.length + n - 1) / n;
    for (int i = 0; i < n; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = i * per; j < Math.min(lines.length, (i + 1) * per); j++) {
        sb.append(lines[j]).append('\n');
      }
      parts[i] = sb.toString();
    }
    return parts;
  }

  @Test
  void readsRollingPartsInNumericNotLexicographicOrder() {
    String[] tasks = new String[40];
    for (int i = 0; i < tasks.length; i++) {
      tasks[i] = taskEnd(0, i, 10, 1000, "Success");
    }
    String[] parts = split(smallApp(tasks), 11);
    Path rolling = dir.resolve("eventlog_v2_local-1");
    for (int i = 0; i < parts.length; i++) {
      TestLogs.write(rolling.resolve("events_" + (i + 1) + "_local-1"), parts[i]);
    }
    TestLogs.write(rolling.resolve("appstatus_local-1"), "");

    List<EventLogSource> sources = EventLogSources.discover(rolling);
    assertThat(sources).hasSize(1);
    assertThat(sources.get(0).files())
        .extracting(p -> p.getFileName().toString())
        .startsWith("events_1_local-1", "events_2_local-1")
        .endsWith("events_10_local-1", "events_11_local-1");
    RunAnalysis run = EventLogReader.withDefaults().read(rolling);
    // In lexicographic order ApplicationEnd (part 11) would come before part 2's start events.
    assertThat(run.application().appId()).isEqualTo("local-1");
    assertThat(run.application().complete()).isTrue();
    assertThat(run.metrics().tasks()).isEqualTo(40);
    assertThat(run.diagnostics().format()).isEqualTo("rolling");
  }

  @Test
  void rollingDirectoryWithInProgressStatusIsIncomplete() {
    Path rolling = dir.resolve("eventlog_v2_local-2");
    TestLogs.write(rolling.resolve("events_1_local-2"), smallApp());
    TestLogs.write(rolling.resolve("appstatus_local-2.inprogress"), "");
    RunAnalysis run = EventLogReader.withDefaults().read(rolling);
    assertThat(run.application().complete()).isFalse();
    assertThat(run.application().durationMs()).isNull();
  }

  @Test
  void databricksLayoutReadsDatedPartsInTimeOrderThenTheCurrentFile() {
    String[] parts = split(smallApp(taskEnd(0, 1, 10, 1, "Success")), 3);
    Path db = dir.resolve("cluster-logs");
    TestLogs.write(db.resolve("eventlog-2021-06-15--16-00"), parts[1]);
    TestLogs.write(db.resolve("eventlog-2021-06-15--15-00"), parts[0]);
    TestLogs.write(db.resolve("eventlog"), parts[2]);
    EventLogSource source = EventLogSources.discover(db).get(0);
    assertThat(source.format()).isEqualTo("databricks");
    assertThat(source.files())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("eventlog-2021-06-15--15-00", "eventlog-2021-06-15--16-00", "eventlog");
    assertThat(EventLogReader.withDefaults().read(source).application().complete()).isTrue();
  }

  @Test
  void reportsTheNewestAttemptAndListsTheOthers() {
    TestLogs.write(dir.resolve("application_1_0001_1"), smallApp());
    TestLogs.write(dir.resolve("application_1_0001_2"), smallApp(taskEnd(0, 1, 10, 1, "Success")));
    TestLogs.write(
        dir.resolve("application_1_0001_10.inprogress"), smallApp(taskEnd(0, 1, 10, 1, "Success")));
    List<EventLogSource> sources = EventLogSources.discover(dir);
    assertThat(sources).hasSize(1);
    EventLogSource newest = sources.get(0);
    assertThat(newest.files().get(0).getFileName().toString())
        .isEqualTo("application_1_0001_10.inprogress");
    assertThat(newest.inProgress()).isTrue();
    assertThat(newest.otherAttempts())
        .containsExactly("application_1_0001_1", "application_1_0001_2");

    RunAnalysis run = EventLogReader.withDefaults().read(newest);
    assertThat(run.application().otherAttempts())
        .containsExactly("application_1_0001_1", "application_1_0001_2");
    assertThat(run.application().complete()).isFalse();
    assertThat(run.diagnostics().warnings())
        .anyMatch(w -> w.startsWith("other attempts ignored: 2"));
  }

  @Test
  void directoryOfSeveralApplicationsGivesOneSourceEachAndSkipsNonLogs() {
    TestLogs.write(dir.resolve("local-1"), smallApp());
    TestLogs.write(dir.resolve("app-20200101000000-0001"), smallApp());
    TestLogs.write(dir.resolve("local-1.sparklens.json"), "{\"appInfo\":{}}");
    TestLogs.write(dir.resolve("README.md"), "# notes");
    assertThat(EventLogSources.discover(dir))
        .extracting(EventLogSource::appId)
        .containsExactly("app-20200101000000-0001", "local-1");
    StrandsException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            StrandsException.class, () -> EventLogReader.withDefaults().read(dir));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(e.getMessage()).contains("holds 2 applications");
  }

  @Test
  void directoryWithoutLogsIsNotAnEventLog() {
    TestLogs.write(dir.resolve("notes.txt"), "hello");
    assertThatThrownBy(() -> EventLogSources.discover(dir))
        .isInstanceOfSatisfying(
            StrandsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_AN_EVENT_LOG))
        .hasMessageStartingWith("Cannot find an event log in " + dir);
  }

  @Test
  void sharedIncompleteAttemptHasNoEndAndNoDuration() {
    Path log =
        SharedData.eventLog(
            "apache-spark/spark-events-broken/last-attempt-incomplete/application_1656321732247_0006_2");
    RunAnalysis run = EventLogReader.withDefaults().read(log);
    assertThat(run.application().appId()).isEqualTo("application_1656321732247_0006");
    assertThat(run.application().attemptId()).isEqualTo("2");
    assertThat(run.application().complete()).isFalse();
    assertThat(run.application().endTime()).isNull();
    assertThat(run.application().durationMs()).isNull();
  }

  @Test
  void sharedRollingAndDatabricksCopiesOfOneAppAgree() {
    RunAnalysis rolling =
        EventLogReader.withDefaults()
            .read(SharedData.eventLog("spark-rapids-tools/eventlog_v2_local-1623876083964"));
    RunAnalysis databricks =
        EventLogReader.withDefaults()
            .read(SharedData.eventLog("spark-rapids-tools/db_sim_eventlog"));
    assertThat(rolling.diagnostics().files()).hasSize(2);
    assertThat(databricks.diagnostics().files()).hasSize(2);
    assertThat(databricks.metrics()).isEqualTo(rolling.metrics());
    assertThat(rolling.metrics().tasks()).isEqualTo(2801);
  }
}
