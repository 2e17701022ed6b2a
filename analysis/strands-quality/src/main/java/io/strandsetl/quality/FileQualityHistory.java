package io.strandsetl.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * History kept in one JSON-lines file per job ({@code <dir>/<job>.jsonl}), so anomalies and
 * row-count drift work without a tracking store. One line per dataset and run; lines that do not
 * parse are skipped (a line cut by a crash must not stop later runs).
 */
public final class FileQualityHistory implements QualityHistory {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Path dir;

  public FileQualityHistory(Path dir) {
    this.dir = dir;
  }

  record Line(
      String dataset, String executionId, java.time.Instant at, Double overall, Long rows) {}

  @Override
  public List<HistoryPoint> recent(String job, String dataset, int limit) {
    Path file = file(job);
    if (!Files.exists(file)) {
      return List.of();
    }
    List<HistoryPoint> points = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        try {
          Line l = JSON.readValue(line, Line.class);
          if (dataset.equals(l.dataset())) {
            points.add(new HistoryPoint(l.executionId(), l.at(), l.overall(), l.rows()));
          }
        } catch (IOException | RuntimeException e) {
          // a torn line: skip it
        }
      }
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot read quality history " + file + ": " + e.getMessage());
    }
    return points.subList(Math.max(0, points.size() - limit), points.size());
  }

  @Override
  public void record(String job, String dataset, HistoryPoint p) {
    Path file = file(job);
    try {
      Files.createDirectories(dir);
      String line =
          JSON.writeValueAsString(
              new Line(dataset, p.executionId(), p.at(), p.overall(), p.rows()));
      Files.writeString(
          file,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path file(String job) {
    return dir.resolve(job.replaceAll("[^A-Za-z0-9_.-]", "_") + ".jsonl");
  }
}
