package io.strandsetl.quality;

/**
 * The outcome of one check on one dataset.
 *
 * @param number the rule's position in {@code rules:} from 1; 0 for checks Strands adds itself
 *     (profile completeness, declared schema, declared key)
 * @param declared false for the profile completeness check, which is scored but not counted in
 *     checks passed / failed
 * @param evaluated rows (cells for not_null over several columns; 1 for dataset-level checks such
 *     as freshness, row_count and reconcile) the check applied to
 * @param violations rows (or cells, or 1 for a failed dataset-level check) that failed it
 * @param passFraction fraction in [0, 1] that passed; null when nothing was evaluated
 * @param passed {@code passFraction >= threshold} (true when nothing was evaluated)
 * @param detail one line: what was measured, without raw values
 */
public record RuleResult(
    int number,
    String name,
    String type,
    QualityDimension dimension,
    RuleSeverity severity,
    boolean declared,
    long evaluated,
    long violations,
    Double passFraction,
    double threshold,
    boolean passed,
    String detail) {}
