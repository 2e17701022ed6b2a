package io.strandsetl.server.erasure;

/**
 * The right to erasure (GDPR art. 17) as the dashboard offers it to an admin: the same work as
 * {@code strands erase}, supplied by the process that starts the server (the CLI implements it with
 * Spark; this module does not depend on Spark). Implementations append the erasure to the tracking
 * store's audit trail with a digest of the value, never the value.
 */
@FunctionalInterface
public interface SubjectErasure {
  /**
   * Removes the subject's rows from the outputs of the request's job or pipeline and verifies by
   * reading them again.
   *
   * @throws io.strandsetl.model.StrandsException with a one-line message (never containing the
   *     subject's value) when the request cannot be carried out
   */
  ErasureReport erase(ErasureRequest request);
}
