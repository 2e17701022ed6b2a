package io.strandsetl.compliance.policy;

import io.strandsetl.compliance.mask.MaskingMethod;
import java.util.Objects;

/**
 * What the pipeline declares about one column.
 *
 * @param column column name (as in the sink outputs)
 * @param purpose why the column is processed (GDPR Art. 5(1)(b)), or null when none is declared
 * @param mask how the column is masked before it is written, or null to keep it as it is
 */
public record ColumnPolicy(String column, String purpose, MaskingMethod mask) {
  public ColumnPolicy {
    Objects.requireNonNull(column, "column");
    purpose = purpose == null || purpose.isBlank() ? null : purpose.strip();
  }
}
