package io.strandsetl.agents.supervisor;

import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.pipeline.SourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The input size of a pipeline before it runs: the bytes on disk of its local sources (files, or
 * every regular file under a directory). Remote sources (s3://, jdbc tables) are not counted: the
 * Decision agent then works from history alone.
 */
final class SourceSizes {
  private SourceSizes() {}

  static long of(PipelineSpec spec) {
    long total = 0;
    for (SourceSpec s : spec.sources()) {
      Path p = localPath(s.path());
      if (p != null && Files.exists(p)) {
        total += size(p);
      }
    }
    return total;
  }

  static long size(Path p) {
    if (Files.isRegularFile(p)) {
      try {
        return Files.size(p);
      } catch (IOException e) {
        return 0;
      }
    }
    try (Stream<Path> files = Files.walk(p)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException | UncheckedIOException e) {
      return 0; // an unreadable source fails the run itself, with a better message
    }
  }

  private static Path localPath(String path) {
    if (path == null) {
      return null;
    }
    try {
      URI uri = new URI(path);
      if (uri.getScheme() == null) {
        return Path.of(path);
      }
      return "file".equals(uri.getScheme()) ? Path.of(uri) : null;
    } catch (Exception e) {
      return Path.of(path);
    }
  }
}
