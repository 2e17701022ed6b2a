package io.strandsetl.model.run;

import java.time.Instant;
import java.util.List;

/**
 * Identity and timing of one Spark application attempt.
 *
 * @param appId application id ({@code app-…}, {@code application_…}, {@code local-…})
 * @param attemptId attempt id, null for a single-attempt application
 * @param name application name
 * @param sparkVersion version from {@code SparkListenerLogStart}, or a vendor tag, or null
 * @param user user that ran it
 * @param startTime application start
 * @param endTime application end, null when the log is incomplete
 * @param durationMs end − start in milliseconds, null when the log is incomplete
 * @param complete true when the log contains {@code SparkListenerApplicationEnd}
 * @param platform where it ran as far as the log tells (local, standalone, yarn, kubernetes,
 *     databricks, dataproc, emr, glue, unknown)
 * @param otherAttempts ids of other attempts found beside the one reported (oldest first)
 * @param config the configuration that matters
 */
public record ApplicationInfo(
    String appId,
    String attemptId,
    String name,
    String sparkVersion,
    String user,
    Instant startTime,
    Instant endTime,
    Long durationMs,
    boolean complete,
    String platform,
    List<String> otherAttempts,
    SparkConfigSummary config) {

  public ApplicationInfo {
    otherAttempts = otherAttempts == null ? List.of() : List.copyOf(otherAttempts);
  }
}
