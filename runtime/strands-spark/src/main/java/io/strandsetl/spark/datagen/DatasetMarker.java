package io.strandsetl.spark.datagen;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The file a generator writes last ({@value #FILE_NAME}). Its presence means every table is
 * complete, so callers such as the demo can skip generation; a run killed midway leaves none.
 */
final class DatasetMarker {
  static final String FILE_NAME = "_strands_dataset.properties";

  private DatasetMarker() {}

  static void write(GeneratedDataset d) {
    Properties p = new Properties();
    p.setProperty("dataset", d.name());
    p.setProperty("scale", Double.toString(d.scale()));
    p.setProperty("seed", Long.toString(d.seed()));
    p.setProperty("tables", String.join(",", d.rowCounts().keySet()));
    d.rowCounts().forEach((t, n) -> p.setProperty("rows." + t, Long.toString(n)));
    p.setProperty("elapsed-ms", Long.toString(d.elapsedMillis()));
    Path target = d.directory().resolve(FILE_NAME);
    Path tmp = d.directory().resolve(FILE_NAME + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      p.store(w, "written by strands generate; tables are complete");
    } catch (IOException e) {
      throw new StrandsException(ErrorCode.IO_ERROR, "Cannot write " + tmp + ": " + e.getMessage());
    }
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot write " + target + ": " + e.getMessage());
    }
  }

  /** The dataset in {@code dir} if it was completely generated with this name, scale and seed. */
  static Optional<GeneratedDataset> read(Path dir, String name, double scale, long seed) {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (!name.equals(p.getProperty("dataset"))
        || !Double.toString(scale).equals(p.getProperty("scale"))
        || !Long.toString(seed).equals(p.getProperty("seed"))) {
      return Optional.empty();
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String t : p.getProperty("tables", "").split(",")) {
      if (t.isEmpty() || !Files.isDirectory(dir.resolve(t))) {
        return Optional.empty();
      }
      rows.put(t, Long.parseLong(p.getProperty("rows." + t, "0")));
    }
    long elapsed = Long.parseLong(p.getProperty("elapsed-ms", "0"));
    return Optional.of(new GeneratedDataset(name, dir, scale, seed, rows, elapsed));
  }

  static String describe(GeneratedDataset d) {
    return String.format(
        Locale.ROOT,
        "%s (scale %s, %,d rows in %d tables)",
        d.name(),
        d.scale(),
        d.totalRows(),
        d.rowCounts().size());
  }
}
