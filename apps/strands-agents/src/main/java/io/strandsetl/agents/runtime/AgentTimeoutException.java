package io.strandsetl.agents.runtime;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.time.Duration;

/** An agent did not finish within its timeout ({@code agents.<name>.timeout}). */
public final class AgentTimeoutException extends StrandsException {
  private static final long serialVersionUID = 1L;

  public AgentTimeoutException(String agent, Duration timeout) {
    super(
        ErrorCode.INTERNAL_ERROR,
        "Cannot finish agent "
            + agent
            + ": timed out after "
            + timeout.toMillis()
            + " ms (raise agents."
            + agent
            + ".timeout)");
  }
}
