package io.strandsetl.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.run.AnalysisReport;
import io.strandsetl.model.run.RunAnalysis;
import java.util.List;

/**
 * The stable JSON shape documented in {@code docs/schemas/analysis-report.md}: one object with
 * {@code schemaVersion, source, application, metrics, jobs, stages, sql, executors, diagnostics,
 * findings}; a directory of several logs gives {@code {schemaVersion, reports: [...]}}.
 */
public final class JsonReportRenderer implements ReportRenderer {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  /**
   * The mapper used for every JSON Strands writes, so all outputs share one date and order style.
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  @Override
  public String render(List<AnalysisReport> reports) {
    try {
      if (reports.size() == 1) {
        return MAPPER.writeValueAsString(toNode(reports.get(0))) + "\n";
      }
      ObjectNode root = MAPPER.createObjectNode();
      root.put("schemaVersion", AnalysisReport.SCHEMA_VERSION);
      ArrayNode array = root.putArray("reports");
      reports.forEach(r -> array.add(toNode(r)));
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new StrandsException(
          ErrorCode.INTERNAL_ERROR, "Cannot write JSON report: " + e.getOriginalMessage(), e);
    }
  }

  static ObjectNode toNode(AnalysisReport report) {
    RunAnalysis run = report.run();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("schemaVersion", report.schemaVersion());
    node.put("source", report.source());
    node.set("application", MAPPER.valueToTree(run.application()));
    node.set("metrics", MAPPER.valueToTree(run.metrics()));
    node.set("jobs", MAPPER.valueToTree(run.jobs()));
    node.set("stages", MAPPER.valueToTree(run.stages()));
    node.set("sql", MAPPER.valueToTree(run.sql()));
    node.set("executors", MAPPER.valueToTree(run.executors()));
    node.set("diagnostics", MAPPER.valueToTree(run.diagnostics()));
    node.set("findings", MAPPER.valueToTree(report.findings()));
    return node;
  }
}
