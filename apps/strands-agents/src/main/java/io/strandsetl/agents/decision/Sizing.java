package io.strandsetl.agents.decision;

import io.strandsetl.agents.schema.Description;

/** How big a run would be on a platform. */
public record Sizing(
    @Description("workers, executors or functions") int workers,
    @Description("vCPUs per worker") int coresPerWorker,
    @Description(value = "memory per worker", unit = "GiB") double memoryGibPerWorker,
    @Description("e.g. '6 x G.1X (6 DPU)'") String description) {}
