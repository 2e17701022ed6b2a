package io.strandsetl.cost.model;

import java.util.Locale;

/** Where a run is priced. */
public enum Platform {
  /** Embedded Spark on the user's machine: no cloud compute charge is modelled. */
  LOCAL,
  GLUE,
  EMR_EC2,
  EMR_SERVERLESS,
  LAMBDA,
  /** A cluster the catalog has no price for (standalone, YARN, Kubernetes, Databricks, …). */
  UNPRICED;

  /**
   * The platform of {@code ApplicationInfo.platform()} ({@code glue}, {@code emr}, {@code local},
   * …) or of a pipeline's {@code platform} section ({@code emr-serverless}, {@code lambda}).
   */
  public static Platform fromName(String name) {
    if (name == null) {
      return UNPRICED;
    }
    return switch (name.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "local" -> LOCAL;
      case "glue", "aws-glue" -> GLUE;
      case "emr", "emr-ec2", "emr-on-ec2" -> EMR_EC2;
      case "emr-serverless" -> EMR_SERVERLESS;
      case "lambda", "aws-lambda" -> LAMBDA;
      default -> UNPRICED;
    };
  }

  /** Kebab-case name used in JSON and reports. */
  public String key() {
    return switch (this) {
      case LOCAL -> "local";
      case GLUE -> "glue";
      case EMR_EC2 -> "emr-ec2";
      case EMR_SERVERLESS -> "emr-serverless";
      case LAMBDA -> "lambda";
      case UNPRICED -> "unpriced";
    };
  }
}
