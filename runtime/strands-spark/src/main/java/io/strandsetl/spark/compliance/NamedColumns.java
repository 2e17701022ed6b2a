package io.strandsetl.spark.compliance;

import io.strandsetl.compliance.pii.ColumnContext;
import java.util.Set;

/** Column names that say a numeric column may hold personal data. */
final class NamedColumns {
  private static final Set<String> WORDS =
      Set.of(
          "age",
          "zip",
          "zipcode",
          "postal",
          "postcode",
          "card",
          "cc",
          "pan",
          "ssn",
          "phone",
          "mobile",
          "tel",
          "iban",
          "account",
          "bsn",
          "aadhaar",
          "cpf",
          "nin",
          "national",
          "birth",
          "dob");

  private NamedColumns() {}

  static boolean hasPiiName(String column) {
    return ColumnContext.of(column).words().stream().anyMatch(WORDS::contains);
  }
}
