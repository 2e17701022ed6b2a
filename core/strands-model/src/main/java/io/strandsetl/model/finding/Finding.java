package io.strandsetl.model.finding;

import java.util.List;
import java.util.Objects;

/**
 * One problem found in a run or in code, with its evidence, fix and estimated impact.
 *
 * @param id unique within a report: {@code <type>@<location key>}
 * @param type the detector id ({@code data-skew}, {@code small-files}, …)
 * @param severity how much it matters, from measured size
 * @param title one line
 * @param evidence the numbers behind it
 * @param recommendation what to do
 * @param impact the estimated effect of the fix
 * @param location where it is
 */
public record Finding(
    String id,
    String type,
    Severity severity,
    String title,
    List<Evidence> evidence,
    Recommendation recommendation,
    Impact impact,
    Location location) {

  public Finding {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(recommendation, "recommendation");
    location = location == null ? Location.ofApplication() : location;
    id = id == null ? type + "@" + location.key() : id;
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /** Creates a finding whose id is derived from its type and location. */
  public static Finding of(
      String type,
      Severity severity,
      String title,
      List<Evidence> evidence,
      Recommendation recommendation,
      Impact impact,
      Location location) {
    return new Finding(null, type, severity, title, evidence, recommendation, impact, location);
  }
}
