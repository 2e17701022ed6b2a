package io.strandsetl.spark.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strandsetl.engine.report.JsonReportRenderer;
import io.strandsetl.engine.report.ReportFormat;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.HtmlEscaper;
import io.strandsetl.model.StrandsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Writes a run's {@code report.json} (the analysis report plus a {@code run} object, see
 * docs/schemas/run-report.md), {@code report.html} and {@code run.json}, and renders its text.
 */
final class RunReports {
  /** Version of the run-report shape; the analysis fields follow their own schemaVersion. */
  static final String RUN_SCHEMA_VERSION = "1.0";

  private RunReports() {}

  static void write(RunResult result) {
    Path dir = result.runDir();
    ObjectMapper mapper = JsonReportRenderer.mapper();
    try {
      ObjectNode run = mapper.valueToTree(result.record());
      maskSecrets(run.path("pipeline"));
      writeAtomically(dir.resolve("run.json"), mapper.writeValueAsString(run) + "\n");
      writeAtomically(dir.resolve("report.json"), json(result, run));
      writeAtomically(dir.resolve("report.html"), html(result));
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot write run reports in " + dir + ": " + e.getMessage());
    }
  }

  /** Option keys whose values never leave the process (JDBC passwords, cloud keys). */
  /** Replaces secret values in sources' and sinks' options and engine.conf with "****". */
  static void maskSecrets(com.fasterxml.jackson.databind.JsonNode pipeline) {
    List<com.fasterxml.jackson.databind.JsonNode> maps = new java.util.ArrayList<>();
    pipeline.path("sources").forEach(s -> maps.add(s.path("options")));
    pipeline.path("sinks").forEach(s -> maps.add(s.path("options")));
    maps.add(pipeline.path("engine").path("conf"));
    for (var node : maps) {
      if (node instanceof ObjectNode options) {
        List<String> keys = new java.util.ArrayList<>();
        options.fieldNames().forEachRemaining(keys::add);
        keys.stream()
            .filter(io.strandsetl.model.config.Secret::isSecretKey)
            .forEach(k -> options.put(k, "****"));
      }
    }
  }

  static String json(RunResult result, ObjectNode run) throws JsonProcessingException {
    ObjectMapper mapper = JsonReportRenderer.mapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("runSchemaVersion", RUN_SCHEMA_VERSION);
    root.set("run", run);
    if (result.report() != null) {
      ObjectNode analysis =
          (ObjectNode)
              mapper.readTree(ReportFormat.JSON.renderer().render(List.of(result.report())));
      root.setAll(analysis);
    }
    return mapper.writeValueAsString(root) + "\n";
  }

  static String html(RunResult result) {
    RunRecord r = result.record();
    StringBuilder section = new StringBuilder();
    section.append("<main><section><h2>Run ").append(esc(r.executionId())).append("</h2>");
    section
        .append("<p><b>")
        .append(r.status())
        .append("</b> · pipeline ")
        .append(esc(r.pipeline().name()))
        .append(" · master ")
        .append(esc(r.master()))
        .append(" · ")
        .append(r.durationMs())
        .append(" ms</p>");
    if (r.error() != null) {
      section
          .append("<p>Failed at ")
          .append(esc(r.failingStep()))
          .append(": <code>")
          .append(esc(r.error()))
          .append("</code></p>");
    }
    section.append("<table><tr><th>step</th><th>kind</th><th>status</th><th>duration ms</th></tr>");
    for (StepRecord s : r.steps()) {
      section
          .append("<tr><td>")
          .append(esc(s.name()))
          .append("</td><td>")
          .append(esc(s.kind()))
          .append("</td><td>")
          .append(s.status())
          .append("</td><td class=\"n\">")
          .append(s.durationMs())
          .append("</td></tr>");
    }
    section.append("</table>");
    section.append(
        "<table><tr><th>sink</th><th>path</th><th>published</th><th>files</th><th>bytes</th>"
            + "<th>avg file bytes</th><th>target file bytes</th><th>rewritten</th></tr>");
    for (SinkRecord s : r.sinks()) {
      section
          .append("<tr><td>")
          .append(esc(s.name()))
          .append("</td><td>")
          .append(esc(s.path()))
          .append("</td><td>")
          .append(s.published())
          .append("</td><td class=\"n\">")
          .append(s.files())
          .append("</td><td class=\"n\">")
          .append(s.bytes())
          .append("</td><td class=\"n\">")
          .append(s.averageFileBytes() == null ? "" : s.averageFileBytes())
          .append("</td><td class=\"n\">")
          .append(s.targetFileSizeBytes() == null ? "" : s.targetFileSizeBytes())
          .append("</td><td>")
          .append(s.rewritten() ? "yes, from " + s.firstWriteFiles() + " files" : "no")
          .append("</td></tr>");
    }
    section.append("</table>");
    if (r.analysisError() != null) {
      section.append("<p>Analysis failed: ").append(esc(r.analysisError())).append("</p>");
    }
    section.append("</section></main>\n");
    if (result.report() == null) {
      return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Strands ETL"
          + " run</title></head><body>\n"
          + section
          + "</body></html>\n";
    }
    String page = ReportFormat.HTML.renderer().render(List.of(result.report()));
    int body = page.indexOf("<body>");
    if (body < 0) {
      return page;
    }
    int at = body + "<body>".length();
    // The run summary goes first: it is what the pipeline's owner looks for.
    return page.substring(0, at) + "\n" + section + page.substring(at);
  }

  static String text(RunResult result) {
    RunRecord r = result.record();
    StringBuilder out = new StringBuilder();
    if (result.report() != null) {
      out.append(ReportFormat.TEXT.renderer().render(List.of(result.report())));
      out.append('\n');
    }
    out.append(
        String.format(
            Locale.ROOT,
            "Run %s of pipeline %s: %s in %.1f s (master %s; analysis %d ms)%n",
            r.executionId(),
            r.pipeline().name(),
            r.status(),
            r.durationMs() / 1000.0,
            r.master(),
            r.analysisDurationMs()));
    if (r.error() != null) {
      out.append("  failed at ")
          .append(r.failingStep())
          .append(": ")
          .append(r.error())
          .append('\n');
    }
    for (StepRecord s : r.steps()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-9s %-30s %-9s %7d ms%n",
              s.kind(),
              s.name(),
              s.status(),
              s.durationMs()));
    }
    for (SinkRecord s : r.sinks()) {
      out.append(
          String.format(
              Locale.ROOT,
              "  sink %s -> %s: %s, %d files, %d bytes%s%n",
              s.name(),
              s.path(),
              s.published() ? "published" : "not published (previous output kept)",
              s.files(),
              s.bytes(),
              sizing(s)));
    }
    if (r.analysisError() != null) {
      out.append("  analysis failed: ").append(r.analysisError()).append('\n');
    }
    return out.toString();
  }

  /** How the files compare with the target; empty when the sink has no target. */
  private static String sizing(SinkRecord s) {
    if (s.targetFileSizeBytes() == null || s.averageToTarget() == null) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "; average %d bytes = %.2f x target %d%s",
        s.averageFileBytes(),
        s.averageToTarget(),
        s.targetFileSizeBytes(),
        s.rewritten() ? " (rewritten from " + s.firstWriteFiles() + " files)" : "");
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String esc(String s) {
    return HtmlEscaper.escape(s);
  }
}
