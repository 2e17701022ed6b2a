package io.strandsetl.model;

import java.util.Objects;

/**
 * The one error type of Strands. Messages are one line, shaped "Cannot …" or "Invalid …: value
 * (why)", and say what to do; a user error is shown without a stack trace.
 */
public class StrandsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;

  public StrandsException(ErrorCode code, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.code = Objects.requireNonNull(code, "code");
  }

  public StrandsException(ErrorCode code, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }

  public ErrorKind kind() {
    return code.kind();
  }
}
