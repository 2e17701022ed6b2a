package io.strandsetl.spark.compliance;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;

/**
 * An erasure or export found nothing to act on: no registered output has the subject's column, or
 * none holds a row of the subject. A user error ({@code INVALID_ARGUMENT}) that callers may tell
 * apart (the CLI exits 4, the dashboard answers 404). The message never contains the value.
 */
public final class SubjectNotFoundException extends StrandsException {
  private static final long serialVersionUID = 1L;

  public SubjectNotFoundException(String message) {
    super(ErrorCode.INVALID_ARGUMENT, message);
  }
}
