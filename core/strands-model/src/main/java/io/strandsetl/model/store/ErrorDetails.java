package io.strandsetl.model.store;

/**
 * Why an execution failed.
 *
 * @param type error class or code
 * @param stackTrace may be empty
 * @param retries attempts after the first
 */
public record ErrorDetails(String type, String message, String stackTrace, int retries) {
  public ErrorDetails {
    Checks.text(type, "error type");
    message = message == null ? "" : message;
    stackTrace = stackTrace == null ? "" : stackTrace;
    Checks.nonNegative(retries, "error retries");
  }
}
