package io.strandsetl.agents.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.agents.runtime.Conclusion;
import io.strandsetl.engine.pipeline.PipelineParser;
import io.strandsetl.engine.store.InMemoryTrackingStore;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.ExecutionRecord;
import io.strandsetl.spark.run.PipelineRunner;
import io.strandsetl.spark.run.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real Spark runs of one small pipeline under the Supervisor (the only Spark test of the
 * module): the second run applies the first one's advice (--autotune) and Learning compares it with
 * what the first run predicted.
 */
class SupervisedRunIT {
  @TempDir Path dir;

  @Test
  void twoSupervisedRunsLearnFromEachOther() throws Exception {
    Path input = dir.resolve("orders.csv");
    StringBuilder csv = new StringBuilder("order_id,customer_id,amount\n");
    for (int i = 0; i < 5_000; i++) {
      csv.append(i).append(',').append(i % 97).append(',').append(i % 13 * 1.5).append('\n');
    }
    Files.writeString(input, csv);
    Path yaml = dir.resolve("p.yaml");
    Files.writeString(
        yaml,
        """
        name: orders-by-customer
        sources:
          - {name: orders, format: csv, path: %s, options: {header: "true", inferSchema: "true"}}
        transforms:
          - name: totals
            sql: SELECT customer_id, count(*) AS orders, sum(amount) AS total FROM orders GROUP BY customer_id
        sinks:
          - {name: totals, from: totals, format: parquet, mode: overwrite, path: %s}
        platform:
          constraints: {max-cost-usd: 5}
        engine:
          conf:
            spark.sql.shuffle.partitions: "64"
            spark.sql.adaptive.enabled: "false"
        """
            .formatted(input, dir.resolve("out/totals")));
    PipelineSpec spec = PipelineParser.parse(yaml);
    InMemoryTrackingStore store = new InMemoryTrackingStore();
    Settings settings =
        Settings.of(
            Map.of(
                "notify.type",
                "file",
                "notify.dir",
                dir.resolve("mail").toString(),
                "notify.outbox.path",
                dir.resolve("outbox.db").toString(),
                "agents.decision.local-cores",
                "2"));
    // Sees what the store says while the run is between its first step and its recording.
    List<io.strandsetl.model.store.RunningExecution> seenRunning =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    io.strandsetl.spark.run.RunHook observer =
        new io.strandsetl.spark.run.RunHook() {
          @Override
          public String name() {
            return "observer";
          }

          @Override
          public io.strandsetl.spark.run.Gate beforePublish(
              io.strandsetl.spark.run.RunContext context,
              Map<String, org.apache.spark.sql.Dataset<org.apache.spark.sql.Row>> staged) {
            seenRunning.addAll(store.running());
            return io.strandsetl.spark.run.Gate.pass();
          }
        };
    RunOptions options =
        new RunOptions("local[2]", null, dir.resolve("data"), Map.of(), null, false, null)
            .withHooks(List.of(observer));

    try (AgentTeam team = AgentTeam.of(settings, store, null, new PipelineRunner()::run)) {
      Supervisor.Outcome first =
          team.supervisor().runPipeline(new Supervisor.SupervisedRun(spec, options, false));
      Supervisor.Outcome second =
          team.supervisor().runPipeline(new Supervisor.SupervisedRun(spec, options, true));

      assertThat(first.exitCode()).isZero();
      assertThat(second.exitCode()).isZero();
      SupervisorReport a = first.agents();
      SupervisorReport b = second.agents();
      assertThat(a.decision().platform()).isIn("local", "lambda");
      assertThat(a.conclusion("optimization").orElseThrow().summary())
          .contains("spark.sql.shuffle.partitions 64 -> ");
      assertThat(a.conclusion("quality").orElseThrow().status()).isEqualTo(Conclusion.Status.DONE);
      assertThat(a.conclusion("cost").orElseThrow().status()).isEqualTo(Conclusion.Status.DONE);
      assertThat(b.autotuneApplied()).anyMatch(l -> l.startsWith("spark.sql.shuffle.partitions="));
      assertThat(b.learning().predictedBefore())
          .filteredOn(p -> p.prediction().target().equals("duration"))
          .first()
          .satisfies(p -> assertThat(p.prediction().value()).isNotNull());
      assertThat(b.learning().effect()).isNotNull();
      assertThat(b.learning().similar()).isNotEmpty();
      assertThat(Files.exists(second.run().runDir().resolve("agents.json"))).isTrue();

      List<ExecutionRecord> stored = store.listExecutions(ExecutionQuery.all());
      assertThat(stored).hasSize(2);
      ExecutionRecord latest = stored.get(0);
      assertThat(latest.optimisationsApplied()).isNotEmpty();
      assertThat(latest.cost()).isNotNull();
      assertThat(latest.quality()).isNotNull();
      assertThat(store.invocations(latest.executionId())).isNotEmpty();
      // While running, each run was marked with this process; recording removed the markers.
      assertThat(seenRunning)
          .extracting(io.strandsetl.model.store.RunningExecution::executionId)
          .containsExactlyInAnyOrder(stored.get(0).executionId(), stored.get(1).executionId());
      assertThat(seenRunning)
          .allSatisfy(r -> assertThat(r.pid()).isEqualTo(ProcessHandle.current().pid()))
          .allSatisfy(r -> assertThat(r.jobName()).isEqualTo("orders-by-customer"))
          .allSatisfy(r -> assertThat(r.platform()).isEqualTo("local"));
      assertThat(store.running()).isEmpty();
      assertThat(store.stages(latest.executionId()))
          .isNotEmpty()
          .allSatisfy(s -> assertThat(s.tasks()).isPositive());
      System.out.println(second.text());
    }
  }
}
