package io.strandsetl.agents.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.agents.learning.Runs;
import io.strandsetl.agents.runtime.AgentInvoker;
import io.strandsetl.agents.runtime.Conclusion;
import io.strandsetl.agents.runtime.RunEvent;
import io.strandsetl.engine.analyze.AnalyzeService;
import io.strandsetl.engine.store.InMemoryTrackingStore;
import io.strandsetl.eventlog.EventLogReader;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.run.AnalysisReport;
import io.strandsetl.model.store.AgentInvocation;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.model.store.ExecutionStatus;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.spark.run.RunOptions;
import io.strandsetl.spark.run.RunResult;
import io.strandsetl.spark.run.RunStatus;
import io.strandsetl.testkit.Fixtures;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Supervisor's flow and error policy without Spark: the "runner" is a hand-written executor
 * that returns the result of a run whose event log is a testkit fixture (a real Spark 4.1.3 log).
 */
class SupervisorTest {
  @TempDir Path dir;

  private final InMemoryTrackingStore store = new InMemoryTrackingStore();
  private final CountDownLatch never = new CountDownLatch(1);
  private final AtomicReference<RunOptions> seenOptions = new AtomicReference<>();

  @AfterEach
  void release() {
    never.countDown();
  }

  private static PipelineSpec spec(Map<String, Object> platform) {
    return new PipelineSpec(
        "orders-daily",
        null,
        null,
        List.of("owner@example.com"),
        null,
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        platform,
        null);
  }

  private Supervisor.PipelineExecutor executor(RunStatus status) {
    return (spec, options) -> {
      seenOptions.set(options);
      Path log = Fixtures.eventLog("shuffle-partitions-positive");
      AnalysisReport report =
          new AnalyzeService(EventLogReader.withDefaults(), Settings.empty(), Set.of())
              .analyze(log)
              .get(0);
      Path runDir = dir.resolve("run");
      try {
        Files.createDirectories(runDir);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      Instant start = report.run().application().startTime();
      io.strandsetl.spark.run.RunRecord record =
          new io.strandsetl.spark.run.RunRecord(
              "20261125T000000Z-abc123",
              status,
              status == RunStatus.FAILED ? "sink 'out' could not be written" : null,
              status == RunStatus.FAILED ? "sink 'out'" : null,
              spec,
              "local[2]",
              runDir.toString(),
              log.toString(),
              start,
              start.plusSeconds(20),
              20_000,
              List.of(),
              List.of(),
              List.of(),
              null,
              5);
      return new RunResult(record, report, runDir);
    };
  }

  private RunParticipant failing() {
    return new RunParticipant() {
      @Override
      public String name() {
        return "quality";
      }

      @Override
      public Contribution onRun(RunState run, AgentInvoker tools) {
        throw new StrandsException(ErrorCode.IO_ERROR, "Cannot read staged output: disk gone");
      }
    };
  }

  private RunParticipant hanging() {
    return new RunParticipant() {
      @Override
      public String name() {
        return "compliance";
      }

      @Override
      public Contribution onRun(RunState run, AgentInvoker tools) {
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return Contribution.of(Conclusion.done("compliance", "late", Map.of()));
      }
    };
  }

  private Settings settings() {
    return Settings.of(
        Map.of(
            "agents.compliance.timeout",
            "300ms",
            "notify.type",
            "file",
            "notify.dir",
            dir.resolve("mail").toString(),
            "notify.outbox.path",
            dir.resolve("outbox.db").toString()));
  }

  @Test
  void aFailingAndATimedOutAgentAreRecordedAndTheFlowGoesOn() throws Exception {
    List<RunEvent> events = new ArrayList<>();
    try (AgentTeam team = AgentTeam.of(settings(), store, null, executor(RunStatus.SUCCEEDED))) {
      team.events().subscribe(RunEvent.class, events::add);
      List<RunParticipant> participants = new ArrayList<>(team.participants());
      participants.set(1, failing());
      participants.set(2, hanging());

      Supervisor.Outcome out =
          team.supervisor(participants)
              .runPipeline(
                  new Supervisor.SupervisedRun(spec(Map.of()), RunOptions.defaults(), false));

      SupervisorReport r = out.agents();
      assertThat(r.conclusion("quality").orElseThrow().status())
          .isEqualTo(Conclusion.Status.FAILED);
      assertThat(r.conclusion("quality").orElseThrow().summary())
          .isEqualTo("Cannot read staged output: disk gone");
      assertThat(r.conclusion("compliance").orElseThrow().status())
          .isEqualTo(Conclusion.Status.TIMED_OUT);
      assertThat(r.conclusion("optimization").orElseThrow().status())
          .isEqualTo(Conclusion.Status.DONE);
      assertThat(r.conclusion("cost").orElseThrow().status()).isEqualTo(Conclusion.Status.DONE);
      assertThat(r.conclusion("cost").orElseThrow().summary()).contains("on AWS the cheapest is");
      assertThat(r.conclusion("learning").orElseThrow().status()).isEqualTo(Conclusion.Status.DONE);
      assertThat(r.stored()).startsWith("RECORDED in the given store (5 invocations");

      ExecutionRecord stored = store.findExecution("20261125T000000Z-abc123").orElseThrow();
      assertThat(stored.decision().platform()).isEqualTo(r.decision().platform());
      assertThat(stored.cost()).isNotNull();
      assertThat(stored.tags()).containsKey("optimization.advice.spark.sql.shuffle.partitions");
      assertThat(stored.tags()).containsKey("learning.stages");
      List<AgentInvocation> calls = store.invocations(stored.executionId());
      assertThat(calls)
          .extracting(c -> c.agent() + "." + c.tool())
          .contains(
              "decision.recommend_platform",
              "optimization.detect_issues",
              "optimization.recommend_config",
              "cost.calculate_cost",
              "learning.record_run");
      assertThat(Files.readString(dir.resolve("run/agents.json")))
          .contains("\"TIMED_OUT\"")
          .contains("\"recommend_platform\"".substring(1, 10));
      assertThat(events.get(0)).isInstanceOf(RunEvent.RunStarted.class);
      assertThat(events).anyMatch(e -> e instanceof RunEvent.RunRecorded);
      assertThat(r.text()).contains("compliance    TIMED_OUT").contains("decision");
    }
  }

  @Test
  void aFailedRunIsStillAnalysedTrackedAndNotified() {
    try (AgentTeam team = AgentTeam.of(settings(), store, null, executor(RunStatus.FAILED))) {
      Supervisor.Outcome out =
          team.supervisor()
              .runPipeline(
                  new Supervisor.SupervisedRun(spec(Map.of()), RunOptions.defaults(), false));

      assertThat(out.exitCode()).isEqualTo(1);
      ExecutionRecord stored = store.findExecution("20261125T000000Z-abc123").orElseThrow();
      assertThat(stored.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(stored.error().message()).contains("sink 'out' could not be written");
      assertThat(stored.issues()).isNotEmpty();
      assertThat(out.agents().conclusion("optimization").orElseThrow().status())
          .isEqualTo(Conclusion.Status.DONE);
      assertThat(out.agents().notification()).doesNotStartWith("FAILED");
    }
  }

  @Test
  void storesTheRunsStageSummariesAndAsksTheRunnerToMarkItRunning() {
    try (AgentTeam team = AgentTeam.of(settings(), store, null, executor(RunStatus.SUCCEEDED))) {
      team.supervisor()
          .runPipeline(new Supervisor.SupervisedRun(spec(Map.of()), RunOptions.defaults(), false));

      AnalysisReport report =
          new AnalyzeService(EventLogReader.withDefaults(), Settings.empty(), Set.of())
              .analyze(Fixtures.eventLog("shuffle-partitions-positive"))
              .get(0);
      assertThat(store.stages("20261125T000000Z-abc123"))
          .isNotEmpty()
          .isEqualTo(io.strandsetl.engine.track.ExecutionMapper.stages(report));
      assertThat(seenOptions.get().hooks())
          .extracting(io.strandsetl.spark.run.RunHook::name)
          .contains("running-marker");
      assertThat(store.running()).isEmpty();
    }
  }

  @Test
  void aFailingDecisionAbortsBeforeAnythingRuns() {
    TrackingStore broken =
        (TrackingStore)
            Proxy.newProxyInstance(
                TrackingStore.class.getClassLoader(),
                new Class<?>[] {TrackingStore.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("listExecutions")) {
                    throw new StrandsException(ErrorCode.IO_ERROR, "Cannot read the store: gone");
                  }
                  return method.invoke(store, args);
                });
    try (AgentTeam team = AgentTeam.of(settings(), broken, null, executor(RunStatus.SUCCEEDED))) {
      assertThatThrownBy(
              () ->
                  team.supervisor()
                      .runPipeline(
                          new Supervisor.SupervisedRun(
                              spec(Map.of()), RunOptions.defaults(), false)))
          .hasMessage(
              "Cannot run pipeline orders-daily: the Decision agent failed, run aborted (Cannot read"
                  + " the store: gone)");
    }
    assertThat(seenOptions.get()).isNull();
    assertThat(store.rowCounts().values().stream().mapToLong(Long::longValue).sum()).isZero();
  }

  @Test
  void autotuneAppliesThePreviousRunsAdviceUnlessTheUserSetTheProperty() {
    ExecutionRecord previous =
        Runs.run(
            "prev",
            "orders-daily",
            Instant.parse("2026-11-20T00:00:00Z"),
            1 << 20,
            30_000,
            0,
            List.of());
    Map<String, String> tags = new java.util.TreeMap<>(previous.tags());
    tags.put("optimization.advice.spark.sql.shuffle.partitions", "8");
    tags.put("optimization.advice.spark.executor.memory", "2g");
    store.recordRun(
        io.strandsetl.model.store.RunRecord.of(
            new ExecutionRecord(
                previous.executionId(),
                previous.jobName(),
                previous.jobType(),
                previous.platform(),
                previous.status(),
                previous.startedAt(),
                previous.endedAt(),
                null,
                null,
                previous.metrics(),
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(),
                tags,
                null)));
    RunOptions user =
        new RunOptions(
            null,
            null,
            Path.of("strands-data"),
            Map.of("spark.executor.memory", "4g"),
            null,
            false,
            null);
    try (AgentTeam team = AgentTeam.of(settings(), store, null, executor(RunStatus.SUCCEEDED))) {
      Supervisor.Outcome out =
          team.supervisor().runPipeline(new Supervisor.SupervisedRun(spec(Map.of()), user, true));

      assertThat(seenOptions.get().conf())
          .containsEntry("spark.sql.shuffle.partitions", "8")
          .containsEntry("spark.executor.memory", "4g");
      assertThat(out.agents().autotuneApplied())
          .containsExactly("spark.sql.shuffle.partitions=8 (advice of prev)");
      assertThat(
              store.findExecution("20261125T000000Z-abc123").orElseThrow().optimisationsApplied())
          .containsExactly("spark.sql.shuffle.partitions=8 (advice of prev)");
      assertThat(out.agents().learning().effect()).isNotNull();
      assertThat(out.agents().learning().effect().beforeExecutionId()).isEqualTo("prev");
    }
  }
}
