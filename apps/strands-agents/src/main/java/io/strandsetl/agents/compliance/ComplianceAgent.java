package io.strandsetl.agents.compliance;

import io.strandsetl.agents.runtime.Agent;
import io.strandsetl.agents.runtime.NotAvailable;
import io.strandsetl.agents.runtime.Tool;
import io.strandsetl.agents.schema.Description;
import java.util.List;
import java.util.Map;

/**
 * Compliance: PII detection, GDPR and HIPAA checks, masking, erasure of a data subject and the
 * audit trail. The work is done by strands-compliance and strands-spark's compliance scan; until
 * those are on the class path every tool fails with "not available". No raw PII is returned:
 * counts, column names and masked samples only.
 */
public final class ComplianceAgent implements Agent {
  public static final String NAME = "compliance";
  static final String MODULE = "strands-compliance";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String purpose() {
    return "Finds personal data, checks GDPR and HIPAA rules, masks columns, erases a data subject"
        + " and keeps the hash-chained audit trail.";
  }

  @Override
  public List<Tool<?, ?>> tools() {
    return List.of(
        tool(
            "detect_pii",
            "Scans a dataset's columns for personal data (counts, column names and"
                + " masked samples only).",
            DatasetInput.class),
        tool(
            "check_gdpr",
            "Checks a dataset against GDPR rules of the pipeline's compliance"
                + " section (purpose, legal basis, retention, minimisation).",
            PolicyInput.class),
        tool(
            "check_hipaa",
            "Checks a dataset for the HIPAA identifiers and the safeguards the"
                + " policy requires.",
            PolicyInput.class),
        tool(
            "mask_columns",
            "Writes a masked copy of a dataset (hash, redact, tokenize per" + " column).",
            MaskInput.class),
        tool(
            "erase_subject",
            "Erases one data subject's rows from a dataset (GDPR art. 17) and"
                + " records it in the audit trail.",
            EraseInput.class),
        tool("generate_audit_report", "The audit trail of a period as a report.", AuditInput.class),
        tool(
            "verify_audit_trail",
            "Walks the audit hash chain and names the first entry that was"
                + " changed, removed or reordered.",
            NoInput.class));
  }

  private static <I extends Record> Tool<I, ComplianceResult> tool(
      String name, String description, Class<I> input) {
    return Tool.of(
        name,
        description,
        input,
        ComplianceResult.class,
        in -> {
          throw new NotAvailable(NAME, name, MODULE);
        });
  }

  public record NoInput() {}

  public record DatasetInput(
      @Description("file or directory of the dataset") String path,
      @Description("parquet, csv, json, orc or delta") String format) {}

  public record PolicyInput(
      String path,
      String format,
      @Description("policy in the shape of a pipeline's compliance section")
          Map<String, Object> policy) {}

  public record MaskInput(
      String path,
      String format,
      @Description("column -> mask (hash, redact, tokenize)") Map<String, String> columns,
      @Description("where the masked copy is written") String outputPath) {}

  public record EraseInput(
      String path,
      String format,
      @Description("column that identifies the subject") String subjectColumn,
      @Description(value = "the subject's value in that column", sensitive = true)
          String subjectValue) {}

  public record AuditInput(
      @Description(value = "first day, ISO date", optional = true) String from,
      @Description(value = "last day, ISO date", optional = true) String to) {}

  public record ComplianceResult(
      @Description("one line") String summary,
      @Description("the full result (see docs/compliance.md)") Map<String, Object> result) {}
}
