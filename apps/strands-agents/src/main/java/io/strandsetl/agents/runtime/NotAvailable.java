package io.strandsetl.agents.runtime;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;

/**
 * A tool whose implementing module is not on the class path. Never a fake result: the call fails
 * with {@code not available: <module> not installed} (UNKNOWN_PLUGIN, a user-fixable setup error).
 */
public final class NotAvailable extends StrandsException {
  private static final long serialVersionUID = 1L;

  public NotAvailable(String agent, String tool, String module) {
    super(
        ErrorCode.UNKNOWN_PLUGIN,
        "Cannot call "
            + agent
            + "."
            + tool
            + ": not available: "
            + module
            + " not installed (add it to the class path)");
  }
}
