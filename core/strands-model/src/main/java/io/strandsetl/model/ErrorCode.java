package io.strandsetl.model;

/** A stable, named error condition. The name is part of the public contract (JSON, logs). */
public enum ErrorCode {
  PATH_NOT_FOUND(ErrorKind.USER),
  NOT_AN_EVENT_LOG(ErrorKind.USER),
  INPUT_TOO_LARGE(ErrorKind.USER),
  INVALID_ARGUMENT(ErrorKind.USER),
  INVALID_CONFIG(ErrorKind.USER),
  UNKNOWN_PLUGIN(ErrorKind.USER),
  IO_ERROR(ErrorKind.EXTERNAL),
  INTERNAL_ERROR(ErrorKind.INTERNAL),
  /**
   * A pipeline spec is wrong: YAML syntax, unknown key, missing field, SQL that does not analyse.
   */
  INVALID_PIPELINE(ErrorKind.USER),
  /** A pipeline run started and failed (a step, a sink or the cluster). */
  RUN_FAILED(ErrorKind.EXTERNAL);

  private final ErrorKind kind;

  ErrorCode(ErrorKind kind) {
    this.kind = kind;
  }

  public ErrorKind kind() {
    return kind;
  }
}
