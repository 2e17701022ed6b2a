package io.strandsetl.model;

/** Who has to act on an error. CLI exit codes, HTTP statuses and tool errors derive from it. */
public enum ErrorKind {
  /** The input or the command is wrong; the user can fix it. Exit code 2. */
  USER,
  /** A bug or an unexpected state inside Strands. Exit code 1. */
  INTERNAL,
  /** Something outside Strands failed (a database, a cluster, a mail server). Exit code 1. */
  EXTERNAL;

  /** The process exit code the CLI uses for an error of this kind. */
  public int exitCode() {
    return switch (this) {
      case USER -> 2;
      case INTERNAL, EXTERNAL -> 1;
    };
  }
}
