package io.strandsetl.compliance;

import io.strandsetl.compliance.classify.Classification;
import io.strandsetl.compliance.classify.Sensitivity;
import io.strandsetl.compliance.mask.MaskingMethod;
import io.strandsetl.compliance.pii.ColumnFinding;
import io.strandsetl.compliance.pii.DatasetFindings;
import io.strandsetl.compliance.pii.EntityFinding;
import io.strandsetl.compliance.pii.EntityType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The personal-data columns of a run, derived once from the scans and the masking: which output
 * columns hold PII (found unmasked by the scan of the written rows, or masked on the way out), what
 * entity each is (from the output scan, else from the source column of the same name), and which
 * source PII columns were carried into a step but never reach an output.
 */
public final class PiiInventory {

  /**
   * One personal-data column of one output.
   *
   * @param sink sink name
   * @param column column name
   * @param entity what it holds, or null when only the masking says it is personal
   * @param mask masking applied, or null when written as it is
   * @param unmaskedValues values the scan of the written rows still recognised
   * @param maskedSamples masked samples of those values (see {@link
   *     io.strandsetl.compliance.pii.MaskedSample}), at most three
   */
  public record OutputColumn(
      String sink,
      String column,
      EntityType entity,
      MaskingMethod mask,
      long unmaskedValues,
      List<String> maskedSamples) {
    public OutputColumn {
      maskedSamples = maskedSamples == null ? List.of() : List.copyOf(maskedSamples);
    }

    /** Its samples as {@code sink.column: sample}. */
    public List<String> labelledSamples() {
      return maskedSamples.stream().map(x -> sink + "." + column + ": " + x).toList();
    }

    public boolean masked() {
      return mask != null;
    }

    /** Sensitivity as written: redacted or generalised columns no longer identify anyone. */
    public Sensitivity writtenSensitivity() {
      if (mask == MaskingMethod.REDACT || mask == MaskingMethod.GENERALISE) {
        return Sensitivity.INTERNAL;
      }
      if (mask != null) {
        return Sensitivity.CONFIDENTIAL; // pseudonymised data is still personal data (GDPR)
      }
      return entity == null ? Sensitivity.INTERNAL : Classification.of(entity);
    }
  }

  private final List<OutputColumn> outputColumns;
  private final Map<String, EntityType> sourcePii;
  private final List<String> carriedNotOutput;

  private PiiInventory(
      List<OutputColumn> outputColumns,
      Map<String, EntityType> sourcePii,
      List<String> carriedNotOutput) {
    this.outputColumns = List.copyOf(outputColumns);
    this.sourcePii = java.util.Collections.unmodifiableMap(sourcePii);
    this.carriedNotOutput = List.copyOf(carriedNotOutput);
  }

  public static PiiInventory of(ComplianceInput input) {
    Map<String, EntityType> sourcePii = new LinkedHashMap<>();
    for (DatasetFindings source : input.sources()) {
      for (ColumnFinding c : source.piiColumns()) {
        sourcePii.putIfAbsent(c.column(), c.primary().orElseThrow().entity());
      }
    }
    List<OutputColumn> out = new ArrayList<>();
    Set<String> outputColumnNames = new LinkedHashSet<>();
    for (SinkOutput sink : input.outputs()) {
      outputColumnNames.addAll(sink.columns());
      Map<String, ColumnFinding> found = new LinkedHashMap<>();
      for (ColumnFinding c : sink.findings().columns()) {
        found.put(c.column(), c);
      }
      for (String column : sink.columns()) {
        ColumnFinding f = found.get(column);
        EntityFinding detected = f == null ? null : f.primary().orElse(null);
        MaskingMethod mask = sink.masked().get(column);
        EntityType entity = detected != null ? detected.entity() : sourcePii.get(column);
        if (detected == null && mask == null) {
          continue; // written as it is and the scan of the written rows recognised nothing
        }
        out.add(
            new OutputColumn(
                sink.sink(),
                column,
                entity,
                mask,
                detected == null ? 0 : detected.matchedValues(),
                detected == null ? List.of() : detected.maskedSamples()));
      }
    }
    List<String> carried = new ArrayList<>();
    for (String column : sourcePii.keySet()) {
      if (outputColumnNames.contains(column)) {
        continue;
      }
      boolean inAStep =
          input.views().values().stream().anyMatch(columns -> columns.contains(column));
      if (inAStep) {
        carried.add(column);
      }
    }
    return new PiiInventory(out, sourcePii, carried);
  }

  public List<OutputColumn> outputColumns() {
    return outputColumns;
  }

  /** Output PII columns written without masking that the scan still recognises. */
  public List<OutputColumn> unmasked() {
    return outputColumns.stream().filter(c -> !c.masked() && c.unmaskedValues() > 0).toList();
  }

  /** Up to {@code max} labelled masked samples of {@code columns}, first columns first. */
  public static List<String> samples(List<OutputColumn> columns, int max) {
    List<String> out = new ArrayList<>();
    for (OutputColumn c : columns) {
      for (String sample : c.labelledSamples()) {
        if (out.size() < max) {
          out.add(sample);
        }
      }
    }
    return out;
  }

  public List<OutputColumn> masked() {
    return outputColumns.stream().filter(OutputColumn::masked).toList();
  }

  public Map<String, EntityType> sourcePii() {
    return sourcePii;
  }

  /** Source PII columns selected into a step but written to no output. */
  public List<String> carriedNotOutput() {
    return carriedNotOutput;
  }

  /** Sinks that hold at least one personal-data column. */
  public Set<String> piiSinks() {
    Set<String> sinks = new LinkedHashSet<>();
    outputColumns.forEach(c -> sinks.add(c.sink()));
    return sinks;
  }

  public boolean anyPii() {
    return !outputColumns.isEmpty() || !sourcePii.isEmpty();
  }

  /** The most sensitive label of what is written; internal when no personal data is written. */
  public Sensitivity classification() {
    Sensitivity s = Sensitivity.INTERNAL;
    for (OutputColumn c : outputColumns) {
      s = Sensitivity.max(s, c.writtenSensitivity());
    }
    return s;
  }
}
