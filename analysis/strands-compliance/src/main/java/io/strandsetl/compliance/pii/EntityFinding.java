package io.strandsetl.compliance.pii;

import java.util.List;
import java.util.Objects;

/**
 * One kind of PII found in one column. Counts and masked samples only; no value.
 *
 * @param entity what was found
 * @param recognizer the recognizer that found most of it
 * @param matchedValues scanned values with at least one match at or above the threshold
 * @param ratio {@code matchedValues / valuesScanned} (non-null, non-empty values), in [0, 1]
 * @param meanConfidence mean score of the best match of each matched value, in [0, 1]
 * @param detected true when {@code ratio} reaches the column threshold ({@code
 *     compliance.min-column-ratio}): the column is said to hold this entity
 * @param maskedSamples at most three {@link MaskedSample}s
 */
public record EntityFinding(
    EntityType entity,
    String recognizer,
    long matchedValues,
    double ratio,
    double meanConfidence,
    boolean detected,
    List<String> maskedSamples) {
  public EntityFinding {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(recognizer, "recognizer");
    maskedSamples = List.copyOf(maskedSamples);
  }
}
