package io.strandsetl.server.tools;

import java.util.Objects;

/**
 * One tool.
 *
 * @param agent agent name (kebab-case), e.g. {@code cost}
 * @param tool tool name (snake_case), e.g. {@code forecast_costs}
 * @param description one sentence
 * @param changesState true when a call writes (runs a pipeline, rewrites or writes data): such a
 *     call needs the admin token; other tools only read and a viewer may call them
 */
public record ToolDescription(String agent, String tool, String description, boolean changesState) {
  public ToolDescription {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(description, "description");
  }

  /** The REST path of the tool. */
  public String path() {
    return ToolRoutes.PREFIX + agent + "/tools/" + tool;
  }
}
