package io.strandsetl.lint;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Options of a lint run.
 *
 * @param smallTables tables the user declares small enough to broadcast (names compared without
 *     case, on the last dotted part too: {@code dim_store} matches {@code retail.dim_store}); a
 *     file can add more with a {@code strands: small-table NAME[, NAME…]} comment
 */
public record LintOptions(Set<String> smallTables) {
  public LintOptions {
    TreeSet<String> names = new TreeSet<>();
    if (smallTables != null) {
      for (String name : smallTables) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (n.isEmpty()) {
          throw new IllegalArgumentException("Invalid small table name: '" + name + "' (empty)");
        }
        names.add(n);
      }
    }
    smallTables = java.util.Collections.unmodifiableSet(names);
  }

  public static LintOptions defaults() {
    return new LintOptions(Set.of());
  }
}
