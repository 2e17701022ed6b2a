package io.strandsetl.engine.pipeline;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.util.List;

/**
 * Every problem found in one pipeline file. The message is one line (problems joined by {@code ";
 * "}); {@link #problems()} gives them one by one, each shaped {@code file:line:column: text}.
 */
public final class InvalidPipelineException extends StrandsException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  InvalidPipelineException(List<String> problems) {
    super(ErrorCode.INVALID_PIPELINE, String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems in file order, each {@code file:line:column: text}. */
  public List<String> problems() {
    return problems;
  }
}
