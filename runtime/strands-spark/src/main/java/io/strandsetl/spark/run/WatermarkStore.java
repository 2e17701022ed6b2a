package io.strandsetl.spark.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strandsetl.engine.report.JsonReportRenderer;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * Watermarks of incremental sources, one JSON file per source: {@code
 * <stateDir>/<pipeline>/<source>.json} = {@code {"source", "watermarkColumn", "watermark",
 * "executionId", "updatedAt"}}. Stands in until the tracking store exists.
 */
final class WatermarkStore {
  private final Path dir;

  WatermarkStore(Path stateDir, String pipeline) {
    this.dir = stateDir.resolve(pipeline);
  }

  Optional<String> find(String source, String column) {
    Path file = dir.resolve(source + ".json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode node = JsonReportRenderer.mapper().readTree(file.toFile());
      if (!column.equals(node.path("watermarkColumn").asText())) {
        // The column changed: the stored value means something else now; start again.
        return Optional.empty();
      }
      JsonNode w = node.get("watermark");
      return w == null || w.isNull() ? Optional.empty() : Optional.of(w.asText());
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot read watermark state " + file + ": " + e.getMessage());
    }
  }

  void save(String source, String column, String watermark, String executionId, Instant now) {
    Path file = dir.resolve(source + ".json");
    try {
      Files.createDirectories(dir);
      ObjectNode node = JsonReportRenderer.mapper().createObjectNode();
      node.put("source", source);
      node.put("watermarkColumn", column);
      node.put("watermark", watermark);
      node.put("executionId", executionId);
      node.put("updatedAt", now.toString());
      Path tmp = Files.createTempFile(dir, "." + source, ".tmp");
      Files.writeString(
          tmp, JsonReportRenderer.mapper().writeValueAsString(node), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot write watermark state " + file + ": " + e.getMessage());
    }
  }
}
