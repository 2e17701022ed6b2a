package io.strandsetl.cost.model;

/**
 * One named input of a cost formula, so a report can explain the figure.
 *
 * @param name e.g. {@code dpu}, {@code billed-seconds}, {@code glue.standard.dpu-hour}
 * @param value the number
 * @param unit its unit
 * @param source catalog source URL for prices and facts, {@code measured} or {@code assumed} else
 */
public record FormulaInput(String name, double value, String unit, String source) {
  static FormulaInput measured(String name, double value, String unit) {
    return new FormulaInput(name, value, unit, "measured");
  }

  static FormulaInput derived(String name, double value, String unit) {
    return new FormulaInput(name, value, unit, "derived");
  }
}
