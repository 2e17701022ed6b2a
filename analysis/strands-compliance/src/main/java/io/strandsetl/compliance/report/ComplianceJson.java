package io.strandsetl.compliance.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.strandsetl.compliance.CheckResult;
import io.strandsetl.compliance.PiiInventory.OutputColumn;
import io.strandsetl.compliance.SinkOutput;
import io.strandsetl.compliance.classify.Classification;
import io.strandsetl.compliance.pii.ColumnFinding;
import io.strandsetl.compliance.pii.DatasetFindings;
import io.strandsetl.compliance.pii.EntityFinding;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code compliance.json} document (schema version 1.1, docs/schemas/compliance.md): verdict,
 * PII per dataset and column (counts, confidence, masked samples), masking, checks and remediation.
 * Key order is fixed.
 */
public final class ComplianceJson {
  public static final String SCHEMA_VERSION = "1.1";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ComplianceJson() {}

  public static String write(ComplianceAssessment a, String executionId) {
    try {
      return MAPPER.writeValueAsString(tree(a, executionId));
    } catch (JsonProcessingException e) {
      throw new StrandsException(
          ErrorCode.INTERNAL_ERROR, "Cannot write compliance.json: " + e.getOriginalMessage(), e);
    }
  }

  public static Map<String, Object> tree(ComplianceAssessment a, String executionId) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("complianceSchemaVersion", SCHEMA_VERSION);
    root.put("pipeline", a.input().pipeline());
    root.put("executionId", executionId);
    root.put("assessedAt", a.assessedAt().toString());
    root.put("status", a.status().id());
    root.put("score", a.score());
    root.put("risk", a.risk().id());
    root.put("classification", a.classification().id());
    root.put("onViolation", a.input().policy().onViolation().name().toLowerCase(Locale.ROOT));
    root.put("blocked", a.blocksPublishing());
    root.put(
        "regulations",
        a.input().policy().regulations().stream().map(r -> r.id()).sorted().toList());
    root.put("headline", a.headline());
    List<Object> sources = new ArrayList<>();
    a.input().sources().forEach(s -> sources.add(dataset(s)));
    root.put("sources", sources);
    List<Object> outputs = new ArrayList<>();
    for (SinkOutput o : a.input().outputs()) {
      Map<String, Object> m = dataset(o.findings());
      m.put("format", o.format());
      Map<String, Object> masked = new LinkedHashMap<>();
      o.masked().forEach((c, method) -> masked.put(c, method.id()));
      m.put("masked", masked);
      m.put("expiredRowsDropped", o.expiredDropped());
      Map<String, Object> enc = new LinkedHashMap<>();
      enc.put("method", o.encryption().method());
      enc.put("files", o.encryption().files());
      enc.put("encryptedFooter", o.encryption().encryptedFooter());
      enc.put("plaintextFooter", o.encryption().plaintextFooter());
      enc.put("encrypted", o.encryption().encrypted());
      m.put("encryption", enc);
      outputs.add(m);
    }
    root.put("outputs", outputs);
    List<Object> columns = new ArrayList<>();
    for (OutputColumn c : a.inventory().outputColumns()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("sink", c.sink());
      m.put("column", c.column());
      m.put("entity", c.entity() == null ? null : c.entity().id());
      m.put(
          "phi",
          c.entity() == null ? null : Classification.phi(c.entity()).map(Enum::name).orElse(null));
      m.put("sensitivity", c.entity() == null ? null : Classification.of(c.entity()).id());
      m.put("writtenSensitivity", c.writtenSensitivity().id());
      m.put("mask", c.mask() == null ? null : c.mask().id());
      m.put("unmaskedValuesFound", c.unmaskedValues());
      columns.add(m);
    }
    root.put("personalDataColumns", columns);
    root.put("readButNotWritten", a.inventory().carriedNotOutput());
    List<Object> checks = new ArrayList<>();
    for (CheckResult c : a.checks()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("regulation", c.regulation().id());
      m.put("title", c.title());
      m.put("status", c.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      m.put("severity", c.severity().name().toLowerCase(Locale.ROOT));
      m.put("signal", c.signal());
      m.put("remediation", c.remediation());
      m.put("maskedSamples", c.maskedSamples());
      checks.add(m);
    }
    root.put("checks", checks);
    root.put("remediation", a.remediation());
    var s = a.summary();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("gdprCompliant", s.gdprCompliant());
    summary.put("hipaaCompliant", s.hipaaCompliant());
    summary.put("piiColumnsDetected", s.piiColumnsDetected());
    summary.put("piiColumnsMasked", s.piiColumnsMasked());
    summary.put("retentionApplied", s.retentionApplied());
    summary.put("encryptedAtRest", s.encryptedAtRest());
    summary.put("encryptedInTransit", s.encryptedInTransit());
    summary.put("auditLogged", s.auditLogged());
    summary.put("classification", s.classification());
    root.put("summary", summary);
    return root;
  }

  static Map<String, Object> dataset(DatasetFindings f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dataset", f.dataset());
    m.put("rowsScanned", f.rowsScanned());
    m.put("sampled", f.sampled());
    List<Object> columns = new ArrayList<>();
    for (ColumnFinding c : f.columns()) {
      if (c.entities().isEmpty()) {
        continue;
      }
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("column", c.column());
      cm.put("valuesScanned", c.valuesScanned());
      cm.put("holdsPii", c.holdsPii());
      List<Object> entities = new ArrayList<>();
      for (EntityFinding e : c.entities()) {
        Map<String, Object> em = new LinkedHashMap<>();
        em.put("entity", e.entity().id());
        em.put("recognizer", e.recognizer());
        em.put("matchedValues", e.matchedValues());
        em.put("ratio", round(e.ratio()));
        em.put("meanConfidence", round(e.meanConfidence()));
        em.put("detected", e.detected());
        em.put("maskedSamples", e.maskedSamples());
        entities.add(em);
      }
      cm.put("entities", entities);
      columns.add(cm);
    }
    m.put("columns", columns);
    return m;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
