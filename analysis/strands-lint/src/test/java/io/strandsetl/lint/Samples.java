package io.strandsetl.lint;

import io.strandsetl.model.finding.Finding;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The sample files under src/test/resources/lint, linted the way the CLI lints them. */
final class Samples {
  private Samples() {}

  static Path path(String resource) {
    URL url = Samples.class.getResource("/lint/" + resource);
    if (url == null) {
      throw new IllegalArgumentException("No sample " + resource);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static LintReport lint(String resource, String... smallTables) {
    return new LintService(new LintOptions(Set.of(smallTables))).lint(List.of(path(resource)));
  }

  /** The findings as {@code type:line}, in report order. */
  static List<String> found(String resource, String... smallTables) {
    return typeAndLine(lint(resource, smallTables).findings());
  }

  static List<String> typeAndLine(List<Finding> findings) {
    return findings.stream().map(f -> f.type() + ":" + f.location().line()).toList();
  }

  /** Findings of one inline text, linted as a file of that name. */
  static List<String> foundIn(String fileName, String text, String... smallTables) {
    return typeAndLine(
        new LintService(new LintOptions(Set.of(smallTables))).lintText(fileName, text).findings());
  }
}
