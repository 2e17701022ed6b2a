package io.strandsetl.agents.supervisor;

import io.strandsetl.engine.track.ExecutionMapper;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.store.RunningExecution;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.spark.run.Gate;
import io.strandsetl.spark.run.RunContext;
import io.strandsetl.spark.run.RunHook;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Marks the run as running in the tracking store when its sources are read (the first point where
 * the runner's execution id is known); the store removes the marker in the transaction that records
 * the run. Never fails the run: a store that cannot be written only loses the marker.
 */
final class RunningMarkerHook implements RunHook {
  private final Supplier<TrackingStore> store;
  private final PipelineSpec spec;
  private final Instant startedAt;

  RunningMarkerHook(Supplier<TrackingStore> store, PipelineSpec spec, Instant startedAt) {
    this.store = store;
    this.spec = spec;
    this.startedAt = startedAt;
  }

  @Override
  public String name() {
    return "running-marker";
  }

  @Override
  public Gate beforeRun(RunContext context, Map<String, Dataset<Row>> sources) {
    try {
      String team = spec.tags().team();
      store
          .get()
          .markRunning(
              RunningExecution.ofThisProcess(
                  context.executionId(),
                  spec.name(),
                  team, // the marker files a missing team under RunFilter.NO_TEAM itself
                  ExecutionMapper.platformOfMaster(context.spark().sparkContext().master()),
                  startedAt));
    } catch (RuntimeException e) {
      // The marker is a convenience of the dashboard; the run goes on without it.
    }
    return Gate.pass();
  }
}
