package io.strandsetl.cost.advice;

/**
 * A way to spend less, with its estimated saving per run.
 *
 * @param kind what it changes
 * @param title one line
 * @param detail what to do and the numbers behind it
 * @param estimatedSavingsUsd per run, USD, ≥ 0
 * @param basis how the saving was estimated
 */
public record CostAdvice(
    AdviceKind kind, String title, String detail, double estimatedSavingsUsd, String basis) {}
