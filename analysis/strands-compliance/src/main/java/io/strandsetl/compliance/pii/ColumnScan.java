package io.strandsetl.compliance.pii;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accumulates the scan of one column, value by value; partial scans (one per Spark partition) are
 * merged. Keeps counts and masked samples only, so it may be shipped between processes.
 */
public final class ColumnScan implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int SAMPLES = 3;

  private final String column;
  private long valuesScanned;
  private final Map<EntityType, Counts> counts = new EnumMap<>(EntityType.class);

  private static final class Counts implements Serializable {
    private static final long serialVersionUID = 1L;
    long values;
    double scoreSum;
    final Map<String, Long> recognizers = new TreeMap<>();
    final List<String> samples = new ArrayList<>(SAMPLES);
  }

  public ColumnScan(String column) {
    this.column = column;
  }

  public String column() {
    return column;
  }

  /** Scans one value; null and blank values are not counted. */
  public void add(String value, PiiScanner scanner, ColumnContext context) {
    if (value == null || value.isBlank()) {
      return;
    }
    valuesScanned++;
    List<Match> matches = scanner.scan(value, context);
    if (matches.isEmpty()) {
      return;
    }
    if (matches.size() == 1) {
      count(value, matches.get(0)); // the usual case of a typed column: no map per value
      return;
    }
    // Count each entity once per value, with its best match.
    Map<EntityType, Match> best = new EnumMap<>(EntityType.class);
    for (Match m : matches) {
      best.merge(m.entity(), m, (a, b) -> a.score() >= b.score() ? a : b);
    }
    best.forEach((entity, m) -> count(value, m));
  }

  private void count(String value, Match m) {
    Counts c = counts.get(m.entity());
    if (c == null) {
      c = new Counts();
      counts.put(m.entity(), c);
    }
    c.values++;
    c.scoreSum += m.score();
    c.recognizers.merge(m.recognizer(), 1L, Long::sum);
    if (c.samples.size() < SAMPLES) {
      c.samples.add(MaskedSample.of(value, m));
    }
  }

  public ColumnScan merge(ColumnScan other) {
    valuesScanned += other.valuesScanned;
    other.counts.forEach(
        (entity, o) -> {
          Counts c = counts.computeIfAbsent(entity, e -> new Counts());
          c.values += o.values;
          c.scoreSum += o.scoreSum;
          o.recognizers.forEach((k, v) -> c.recognizers.merge(k, v, Long::sum));
          for (String s : o.samples) {
            if (c.samples.size() < SAMPLES) {
              c.samples.add(s);
            }
          }
        });
    return this;
  }

  /**
   * The finding; an entity is {@code detected} when at least {@code minRatio} of the scanned values
   * hold it.
   */
  public ColumnFinding finding(double minRatio) {
    List<EntityFinding> entities = new ArrayList<>();
    counts.forEach(
        (entity, c) -> {
          double ratio = valuesScanned == 0 ? 0 : (double) c.values / valuesScanned;
          String recognizer =
              c.recognizers.entrySet().stream()
                  .max(Map.Entry.comparingByValue())
                  .map(Map.Entry::getKey)
                  .orElse(entity.id());
          entities.add(
              new EntityFinding(
                  entity,
                  recognizer,
                  c.values,
                  Math.min(1.0, ratio),
                  Math.min(1.0, c.scoreSum / c.values),
                  ratio >= minRatio && c.values > 0,
                  c.samples));
        });
    return new ColumnFinding(column, valuesScanned, entities);
  }
}
