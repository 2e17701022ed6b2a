package io.strandsetl.agents.decision;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.util.Arrays;
import java.util.Locale;

/** A platform the Decision agent can recommend. */
public enum Candidate {
  LOCAL("local"),
  CLUSTER("cluster"),
  LAMBDA("lambda"),
  GLUE_STANDARD("glue-standard"),
  GLUE_FLEX("glue-flex"),
  EMR_SERVERLESS("emr-serverless"),
  EMR_EC2("emr-ec2");

  private final String id;

  Candidate(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /**
   * @throws StrandsException INVALID_ARGUMENT listing the known ids
   */
  public static Candidate of(String id, String field) {
    String key = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Candidate c : values()) {
      if (c.id.equals(key)) {
        return c;
      }
    }
    throw new StrandsException(
        ErrorCode.INVALID_ARGUMENT,
        "Invalid "
            + field
            + ": '"
            + id
            + "' (known: "
            + Arrays.stream(values()).map(Candidate::id).toList()
            + ")");
  }
}
