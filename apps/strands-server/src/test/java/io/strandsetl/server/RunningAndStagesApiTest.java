package io.strandsetl.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strandsetl.engine.store.InMemoryTrackingStore;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.RunRecord;
import io.strandsetl.model.store.RunningExecution;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Running now" on the Overview and the run page's stages, over HTTP. */
class RunningAndStagesApiTest {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  static final String VIEWER = "viewer-token-running";
  static final ObjectMapper JSON = new ObjectMapper();

  InMemoryTrackingStore store;
  DashboardServer server;
  HttpClient http = HttpClient.newHttpClient();
  String recorded;

  @BeforeEach
  void start() {
    store = new InMemoryTrackingStore();
    recorded = SampleRuns.seed(store, 5, NOW, 3, 3).get(0);
    // This process: running. A pid that cannot be alive on this host: abandoned.
    store.markRunning(
        RunningExecution.ofThisProcess(
            "live-1", "orders-daily", "data", "local", NOW.minusSeconds(90)));
    store.markRunning(
        new RunningExecution(
            "dead-1",
            "billing",
            "finance",
            "emr",
            NOW.minusSeconds(3600),
            RunningExecution.localHost(),
            9_999_999));
    ServerConfig config =
        ServerConfig.from(Settings.of(Map.of("server.port", "0", "server.viewer-token", VIEWER)));
    server = DashboardServer.start(config, store, Clock.fixed(NOW, ZoneOffset.UTC), List.of());
  }

  @AfterEach
  void stop() {
    server.stop();
    store.close();
  }

  JsonNode table(String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + VIEWER)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static List<String> column(JsonNode table, String key) {
    int index = -1;
    for (int i = 0; i < table.get("columns").size(); i++) {
      if (table.get("columns").get(i).get("key").asText().equals(key)) {
        index = i;
      }
    }
    assertThat(index).as("column " + key).isNotNegative();
    List<String> values = new ArrayList<>();
    for (JsonNode row : table.get("rows")) {
      values.add(row.get(index).asText());
    }
    return values;
  }

  @Test
  void listsRunningExecutionsOldestFirstAndCallsThoseWhoseProcessIsGoneAbandoned()
      throws Exception {
    JsonNode running = table("/api/running");
    assertThat(column(running, "running_id")).containsExactly("dead-1", "live-1");
    assertThat(column(running, "state")).containsExactly("ABANDONED", "RUNNING");
    assertThat(column(running, "running_for_s")).containsExactly("3600.0", "90.0");
    assertThat(column(running, "pid").get(1))
        .isEqualTo(String.valueOf(ProcessHandle.current().pid()));

    JsonNode counts = table("/api/running/counts");
    assertThat(column(counts, "key")).containsExactly("running", "abandoned");
    assertThat(column(counts, "value")).containsExactly("1", "1");
    assertThat(column(counts, "unit")).containsExactly("runs", "runs");

    // The job, team and platform filters apply; the days do not (a run is running now).
    assertThat(column(table("/api/running?job=billing"), "running_id")).containsExactly("dead-1");
    assertThat(column(table("/api/running?team=data&from=2020-01-01&to=2020-01-02"), "running_id"))
        .containsExactly("live-1");
    assertThat(table("/api/running?platform=glue").get("rows")).isEmpty();
  }

  @Test
  void recordingARunRemovesItFromRunningNow() throws Exception {
    ExecutionRecord done = store.findExecution(recorded).orElseThrow();
    ExecutionRecord live =
        new ExecutionRecord(
            "live-1",
            done.jobName(),
            done.jobType(),
            done.platform(),
            done.status(),
            done.startedAt(),
            done.endedAt(),
            done.workload(),
            done.decision(),
            done.metrics(),
            done.cost(),
            done.quality(),
            done.compliance(),
            done.issues(),
            done.recommendations(),
            done.optimisationsApplied(),
            done.error(),
            done.stakeholders(),
            done.tags(),
            done.notification());
    store.recordRun(RunRecord.of(live));

    assertThat(column(table("/api/running"), "running_id")).containsExactly("dead-1");
    assertThat(column(table("/api/running/counts"), "value")).containsExactly("0", "1");
  }

  @Test
  void aRunsStagesComeWithTheirUnits() throws Exception {
    JsonNode stages = table("/api/runs/" + recorded + "/stages");
    assertThat(column(stages, "stage_id")).containsExactly("0", "1", "2");
    Map<String, String> units = new java.util.LinkedHashMap<>();
    stages.get("columns").forEach(c -> units.put(c.get("key").asText(), c.get("unit").asText()));
    assertThat(units)
        .containsEntry("duration_s", "s")
        .containsEntry("input_bytes", "bytes")
        .containsEntry("shuffle_write_bytes", "bytes")
        .containsEntry("disk_spill_bytes", "bytes")
        .containsEntry("task_max_ms", "ms")
        .containsEntry("task_median_ms", "ms")
        .containsEntry("task_skew", "ratio");
    // SampleRuns' shuffle stage: slowest task ms/20, median ms/200.
    assertThat(column(stages, "task_skew").get(1)).isEqualTo("10.0");
    assertThat(stages.get("rows").get(0).get(7).asLong())
        .as("input bytes of the scan = the run's processed bytes")
        .isEqualTo(store.findExecution(recorded).orElseThrow().metrics().dataProcessedBytes());

    HttpResponse<String> unknown =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url() + "/api/runs/nope/stages"))
                .header("Authorization", "Bearer " + VIEWER)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Cannot find execution: nope (unknown id)");
  }
}
