package io.strandsetl.eventlog;

import io.strandsetl.model.plan.PlanNode;

/**
 * What a SQL execution produced, from the final plan's metrics: rows from the root operator (the
 * first node down the single-child chain that has "number of output rows", so wrappers such as
 * AdaptiveSparkPlan are looked through), or from the write command when there is one; files and
 * bytes from write commands ("number of written files", "written output" / "bytes of written
 * output").
 */
record SqlOutputs(Long rows, Long files, Long bytes) {
  private static final String ROWS = "number of output rows";

  static SqlOutputs of(PlanNode plan) {
    if (plan == null) {
      return new SqlOutputs(null, null, null);
    }
    Long files = null;
    Long bytes = null;
    Long writtenRows = null;
    for (PlanNode n : plan.nodes()) {
      Long f = n.metric("number of written files");
      if (f == null) {
        continue;
      }
      files = files == null ? f : files + f;
      Long b = n.metric("written output");
      if (b == null) {
        b = n.metric("bytes of written output");
      }
      if (b != null) {
        bytes = bytes == null ? b : bytes + b;
      }
      Long r = n.metric(ROWS);
      if (r != null) {
        writtenRows = writtenRows == null ? r : writtenRows + r;
      }
    }
    Long rows = writtenRows;
    if (rows == null) {
      PlanNode n = plan;
      while (n != null) {
        Long r = n.metric(ROWS);
        if (r != null) {
          rows = r;
          break;
        }
        n = n.children().size() == 1 ? n.children().get(0) : null;
      }
    }
    return new SqlOutputs(rows, files, bytes);
  }
}
