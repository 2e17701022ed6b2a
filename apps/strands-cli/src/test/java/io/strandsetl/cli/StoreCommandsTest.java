package io.strandsetl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strandsetl.engine.track.ExecutionMapper;
import io.strandsetl.engine.track.TrackingStores;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.JobType;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.testkit.Fixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store commands on a real SQLite file, through StrandsCli.execute as a user runs them. */
class StoreCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path db() {
    return dir.resolve("tracking.db");
  }

  private AnalyzeCommandTest.Result strands(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--set");
    all.add("store.sqlite.path=" + db());
    return AnalyzeCommandTest.run(all.toArray(String[]::new));
  }

  private JsonNode json(String... args) throws Exception {
    var r =
        strands(
            Stream.concat(Stream.of(args), Stream.of("--format", "json")).toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  private AnalyzeCommandTest.Result save(String fixture, String job) {
    return strands(
        "analyze",
        Fixtures.eventLog(fixture).toString(),
        "--format",
        "json",
        "--save",
        "--job",
        job);
  }

  private TrackingStore openStore() {
    // No automatic purge: the tests seed runs older than the retention on purpose.
    return TrackingStores.open(
        Settings.of(
            Map.of("store.sqlite.path", db().toString(), "store.retention.auto-purge", "false")));
  }

  private static ExecutionRecord execution(
      String id, String job, ExecutionStatus status, Instant start) {
    return new ExecutionRecord(
        id,
        job,
        JobType.PIPELINE,
        "local",
        status,
        start,
        start.plusSeconds(42),
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        null,
        List.of(),
        Map.of(),
        null);
  }

  @Test
  void savingTheSameLogTwiceRecordsItOnceAndSaysSo() throws Exception {
    var first = save("spill-positive", "nightly");
    var second = save("spill-positive", "nightly");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err())
        .contains("strands: saved eventlog:local-")
        .contains("(job nightly, SUCCEEDED");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.err()).contains("already recorded in sqlite: " + db() + " (not saved again)");
    // The report is still printed on the second save.
    String appId = JSON.readTree(first.out()).at("/application/appId").asText();
    assertThat(appId).startsWith("local-");
    assertThat(JSON.readTree(second.out()).at("/application/appId").asText()).isEqualTo(appId);
    assertThat(first.err()).contains("saved eventlog:" + appId + " ");
    JsonNode history = json("history");
    assertThat(history.get("executions")).hasSize(1);
    assertThat(history.at("/executions/0/jobType").asText()).isEqualTo("IMPORTED_EVENT_LOG");
    assertThat(json("audit", "verify").get("entriesChecked").asLong()).isEqualTo(1);
    // The log's stages are stored with the run (fewer than the cap of 200 here).
    int analysedStages = JSON.readTree(first.out()).get("stages").size();
    assertThat(analysedStages).isPositive();
    try (TrackingStore store = openStore()) {
      assertThat(store.stages("eventlog:" + appId)).hasSize(analysedStages);
    }
  }

  @Test
  void issueOpensWithOneLogAndIsResolvedByALaterLogWithoutIt() throws Exception {
    assertThat(save("memory-pressure-positive", "nightly").exitCode()).isZero();
    JsonNode open = json("issues", "--open", "--job", "nightly");
    assertThat(open.get("issues"))
        .extracting(i -> i.get("issueType").asText())
        .contains("memory-pressure");
    assertThat(open.at("/issues/0/status").asText()).isEqualTo("OPEN");

    assertThat(save("memory-pressure-negative", "nightly").exitCode()).isZero();

    String secondId = json("history", "--limit", "1").at("/executions/0/executionId").asText();
    JsonNode all = json("issues", "--job", "nightly");
    JsonNode memory = null;
    for (JsonNode i : all.get("issues")) {
      if (i.get("issueType").asText().equals("memory-pressure")) {
        memory = i;
      }
    }
    assertThat(memory).isNotNull();
    assertThat(memory.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(memory.get("resolvedBy").asText()).isEqualTo("run:" + secondId);
    assertThat(json("issues", "--open", "--job", "nightly").get("issues"))
        .noneMatch(i -> i.get("issueType").asText().equals("memory-pressure"));
    var text = strands("issues", "--job", "nightly");
    assertThat(text.out())
        .contains("memory-pressure")
        .contains("RESOLVED")
        .contains("run:" + secondId);
  }

  @Test
  void userResolvesAnIssueOnceAndTheAuditTrailSaysSoWithoutTheName() throws Exception {
    save("memory-pressure-positive", "nightly");

    var resolved = strands("issues", "resolve", "nightly", "memory-pressure", "--by", "alice");
    var again = strands("issues", "resolve", "nightly", "memory-pressure", "--by", "bob");
    var unknown = strands("issues", "resolve", "nightly", "no-such-issue");

    assertThat(resolved.exitCode()).as(resolved.err()).isZero();
    assertThat(resolved.out()).startsWith("Resolved nightly/memory-pressure (seen 1 times).");
    assertThat(again.out()).contains("was already resolved by alice");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err().strip())
        .isEqualTo("strands: Invalid issue: nightly/no-such-issue (not in the registry)");
    JsonNode issue = json("issues", "--job", "nightly").at("/issues/0");
    assertThat(issue.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(issue.get("resolvedBy").asText()).isEqualTo("alice");
    try (TrackingStore s = openStore()) {
      var actions = s.auditTrail().stream().map(a -> a.event().action()).toList();
      assertThat(actions).containsExactly("run-recorded", "issue-resolved");
      assertThat(s.auditTrail().get(1).event().toString()).doesNotContain("alice");
    }
  }

  @Test
  void historyFiltersByJobStatusSinceAndLimit() throws Exception {
    Instant now = Instant.now();
    try (TrackingStore s = openStore()) {
      s.recordRun(
          ExecutionMapper.toRun(
              execution(
                  "a-old", "orders", ExecutionStatus.SUCCEEDED, now.minus(Duration.ofDays(10))),
              List.of(),
              List.of(),
              "test",
              now));
      s.recordRun(
          ExecutionMapper.toRun(
              execution(
                  "b-failed", "orders", ExecutionStatus.FAILED, now.minus(Duration.ofHours(5))),
              List.of(),
              List.of(),
              "test",
              now));
      s.recordRun(
          ExecutionMapper.toRun(
              execution(
                  "c-other", "billing", ExecutionStatus.SUCCEEDED, now.minus(Duration.ofHours(1))),
              List.of(),
              List.of(),
              "test",
              now));
    }

    assertThat(ids(json("history"))).containsExactly("c-other", "b-failed", "a-old");
    assertThat(ids(json("history", "--job", "orders"))).containsExactly("b-failed", "a-old");
    assertThat(ids(json("history", "--status", "failed"))).containsExactly("b-failed");
    assertThat(ids(json("history", "--since", "7d"))).containsExactly("c-other", "b-failed");
    assertThat(ids(json("history", "--limit", "1"))).containsExactly("c-other");
    var table = strands("history", "--job", "orders");
    assertThat(table.out().lines().toList())
        .hasSize(3)
        .first()
        .satisfies(h -> assertThat(h).startsWith("EXECUTION").contains("STATUS"));
    assertThat(table.out()).contains("b-failed").contains("FAILED").contains("42.0 s");
    var bad = strands("history", "--status", "broken");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err().strip())
        .isEqualTo(
            "strands: Invalid --status: 'broken' (use one of [SUCCEEDED, FAILED, CANCELLED])");
    assertThat(strands("history", "--since", "yesterday").exitCode()).isEqualTo(2);
  }

  private static List<String> ids(JsonNode history) {
    List<String> ids = new ArrayList<>();
    history.get("executions").forEach(e -> ids.add(e.get("executionId").asText()));
    return ids;
  }

  @Test
  void showPrintsNotMeasuredForAQualityDimensionWithoutChecks() throws Exception {
    ExecutionRecord bare =
        execution(
            "q-1", "scored", ExecutionStatus.SUCCEEDED, Instant.parse("2026-03-01T10:00:00Z"));
    ExecutionRecord scored =
        new ExecutionRecord(
            bare.executionId(),
            bare.jobName(),
            bare.jobType(),
            bare.platform(),
            bare.status(),
            bare.startedAt(),
            bare.endedAt(),
            null,
            null,
            null,
            null,
            new io.strandsetl.model.store.QualitySummary(
                new io.strandsetl.model.store.QualityScores(0.9, null, 0.8, null, 1.0, 0.9),
                0,
                0,
                0,
                0,
                3,
                0),
            null,
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(),
            Map.of(),
            null);
    try (TrackingStore store = openStore()) {
      store.recordRun(io.strandsetl.model.store.RunRecord.of(scored));
    }

    var text = strands("show", "q-1");
    JsonNode doc = json("show", "q-1");

    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .contains(
            "completeness 90%, accuracy not measured, consistency 80%,"
                + " timeliness not measured, validity 100%");
    assertThat(doc.at("/execution/quality/scores/completeness").asDouble()).isEqualTo(0.9);
    assertThat(doc.at("/execution/quality/scores/timeliness").isNumber()).isFalse();
  }

  @Test
  void showPrintsEverythingOnARunAndAnUnknownIdIsOneLineExitTwo() throws Exception {
    save("memory-pressure-positive", "nightly");
    String id = json("history").at("/executions/0/executionId").asText();

    var text = strands("show", id);
    JsonNode doc = json("show", id);
    var unknown = strands("show", "eventlog:nope");

    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("Execution     " + id)
        .contains("Job           nightly (imported_event_log)")
        .contains("data processed")
        .contains("memory-pressure")
        .contains("Recommendations")
        .contains("Cost\n  not recorded")
        .contains("run-recorded");
    assertThat(doc.at("/execution/executionId").asText()).isEqualTo(id);
    assertThat(doc.at("/execution/issues/0/type").asText()).isEqualTo("memory-pressure");
    assertThat(doc.at("/execution/cost").isNull()).isTrue();
    assertThat(doc.at("/audit/0/event/action").asText()).isEqualTo("run-recorded");
    assertThat(doc.at("/audit/0/event/subject").asText()).isEqualTo(id);
    assertThat(doc.get("invocations")).isEmpty();
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err().strip())
        .isEqualTo(
            "strands: Invalid execution id: 'eventlog:nope' (not in the store at sqlite: "
                + db()
                + "; 'strands history' lists the recorded runs)");
    assertThat(unknown.out()).isEmpty();
  }

  @Test
  void purgeDeletesOnlyExecutionsOlderThanTheRetentionAndDryRunDeletesNothing() throws Exception {
    Instant now = Instant.now();
    try (TrackingStore s = openStore()) {
      s.recordRun(
          ExecutionMapper.toRun(
              execution(
                  "old", "orders", ExecutionStatus.SUCCEEDED, now.minus(Duration.ofDays(200))),
              List.of(),
              List.of(),
              "test",
              now));
      s.recordRun(
          ExecutionMapper.toRun(
              execution("new", "orders", ExecutionStatus.SUCCEEDED, now.minus(Duration.ofDays(1))),
              List.of(),
              List.of(),
              "test",
              now));
    }

    JsonNode dry = json("store", "purge", "--dry-run");
    assertThat(dry.get("dryRun").asBoolean()).isTrue();
    assertThat(dry.at("/wouldDelete/job_executions").asLong()).isEqualTo(1);
    assertThat(dry.at("/retention/executionsDays").asLong()).isEqualTo(90);
    assertThat(ids(json("history"))).containsExactly("new", "old");

    var purged = strands("store", "purge");
    assertThat(purged.exitCode()).as(purged.err()).isZero();
    assertThat(purged.out()).contains("job_executions").contains("DELETED");
    assertThat(ids(json("history"))).containsExactly("new");

    var shorter = json("store", "purge", "--set", "store.retention.executions-days=1");
    assertThat(shorter.at("/deleted/job_executions").asLong()).isEqualTo(1);
    assertThat(ids(json("history"))).isEmpty();
    assertThat(json("audit", "verify").get("intact").asBoolean()).isTrue();
  }

  @Test
  void auditVerifyNamesTheEntryChangedInTheDatabaseFileAndExitsThree() throws Exception {
    save("memory-pressure-positive", "nightly");
    save("spill-positive", "spill-job");
    var intact = strands("audit", "verify");
    assertThat(intact.exitCode()).as(intact.err()).isZero();
    assertThat(intact.out().strip()).isEqualTo("Audit trail intact: 2 entries checked.");

    // Someone with write access to the file drops the append-only trigger and edits entry 1.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
        Statement st = c.createStatement()) {
      st.execute("DROP TRIGGER compliance_audit_append_only");
      assertThat(
              st.executeUpdate(
                  "UPDATE compliance_audit SET details = 'job=nightly type=IMPORTED_EVENT_LOG"
                      + " status=SUCCEEDED issues=0' WHERE sequence = 1"))
          .isEqualTo(1);
    }

    var tampered = strands("audit", "verify");
    assertThat(tampered.exitCode()).isEqualTo(3);
    assertThat(tampered.err().strip())
        .isEqualTo("strands: Audit entry 1 content does not match its hash (changed)");
    var asJson = strands("audit", "verify", "--format", "json");
    assertThat(asJson.exitCode()).isEqualTo(3);
    assertThat(JSON.readTree(asJson.out()).get("firstBadSequence").asLong()).isEqualTo(1);
  }

  @Test
  void emptyStoreBadFormatAndMissingSubcommandAreSaidInOneLine() {
    var empty = strands("history");
    var badFormat = strands("issues", "--format", "xml");
    var noSubcommand = AnalyzeCommandTest.run("audit");

    assertThat(empty.exitCode()).isZero();
    assertThat(empty.out().strip()).isEqualTo("No recorded runs match.");
    assertThat(badFormat.exitCode()).isEqualTo(2);
    assertThat(badFormat.err().strip())
        .isEqualTo("strands: Invalid --format: 'xml' (use text or json)");
    assertThat(noSubcommand.exitCode()).isEqualTo(2);
    assertThat(noSubcommand.err().strip())
        .isEqualTo("strands: audit needs a subcommand (see 'strands audit --help')");
  }

  @Test
  void unknownStoreTypeIsOneLineNamingTheKnownTypes() {
    var r = strands("history", "--set", "store.type=mongo");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip())
        .startsWith("strands: Invalid store type: 'mongo' (known: [")
        .contains("memory")
        .contains("sqlite")
        .doesNotContain("\n");
  }

  @Test
  void storeInfoNamesBackendLocationSchemaRowsAndSize() throws Exception {
    Instant now = Instant.now();
    try (TrackingStore s = openStore()) {
      s.recordRun(
          ExecutionMapper.toRun(
              execution(
                  "first", "orders", ExecutionStatus.SUCCEEDED, now.minus(Duration.ofDays(40))),
              List.of(),
              List.of(),
              "test",
              now));
      s.recordRun(
          ExecutionMapper.toRun(
              execution(
                  "second", "orders", ExecutionStatus.SUCCEEDED, now.minus(Duration.ofDays(3))),
              List.of(),
              List.of(),
              "test",
              now));
      s.recordRun(
          ExecutionMapper.toRun(
              execution("third", "orders", ExecutionStatus.FAILED, now.minus(Duration.ofHours(2))),
              List.of(),
              List.of(),
              "test",
              now));
    }

    JsonNode info = json("store", "info");
    var text = strands("store", "info");

    assertThat(info.get("backend").asText()).isEqualTo("sqlite");
    assertThat(info.get("location").asText()).isEqualTo("sqlite: " + db());
    assertThat(info.get("schemaVersion").asText()).isNotEqualTo("none");
    assertThat(info.at("/rowCounts/job_executions").asLong()).isEqualTo(3);
    assertThat(info.at("/rowCounts/compliance_audit").asLong()).isEqualTo(3);
    assertThat(Instant.parse(info.get("oldestExecutionStart").asText()))
        .isEqualTo(
            now.minus(Duration.ofDays(40)).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    assertThat(Instant.parse(info.get("newestExecutionStart").asText()))
        .isEqualTo(
            now.minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    assertThat(info.get("sizeOnDiskBytes").asLong()).isPositive();
    assertThat(text.out())
        .contains("schema version")
        .contains("job_executions")
        .contains("size on disk");
  }
}
