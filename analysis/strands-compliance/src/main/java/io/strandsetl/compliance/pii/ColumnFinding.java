package io.strandsetl.compliance.pii;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the scan found in one column.
 *
 * @param column column name
 * @param valuesScanned non-null, non-empty values scanned
 * @param entities every entity with at least one match, most matched values first
 */
public record ColumnFinding(String column, long valuesScanned, List<EntityFinding> entities) {
  public ColumnFinding {
    Objects.requireNonNull(column, "column");
    entities =
        entities.stream()
            .sorted(
                Comparator.comparingLong(EntityFinding::matchedValues)
                    .reversed()
                    .thenComparing(e -> e.entity().id()))
            .toList();
  }

  /** The detected entity with the most matched values, if any: what the column holds. */
  public Optional<EntityFinding> primary() {
    return entities.stream().filter(EntityFinding::detected).findFirst();
  }

  public boolean holdsPii() {
    return primary().isPresent();
  }
}
