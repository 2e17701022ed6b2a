package io.strandsetl.spark.run;

/**
 * A hook's verdict at a decision point.
 *
 * @param passed true to go on
 * @param reason why the run must stop (one line), null when it passes
 */
public record Gate(boolean passed, String reason) {
  private static final Gate PASS = new Gate(true, null);

  public Gate {
    if (!passed && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("A halting gate needs a reason");
    }
  }

  public static Gate pass() {
    return PASS;
  }

  public static Gate halt(String reason) {
    return new Gate(false, reason);
  }
}
