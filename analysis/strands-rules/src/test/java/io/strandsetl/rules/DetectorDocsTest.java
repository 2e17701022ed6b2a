package io.strandsetl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.strandsetl.model.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/detectors.md stays true: every key in its table is read by a detector and its default
 * parses.
 */
class DetectorDocsTest {
  private static final Pattern ROW =
      Pattern.compile("^\\| `(detector\\.[a-z-]+\\.[a-z-]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

  @Test
  void everyDocumentedKeyIsReadByADetectorAndItsDefaultIsValid() throws IOException {
    String doc =
        Files.readString(Path.of("..", "..", "docs", "detectors.md"), StandardCharsets.UTF_8);
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher m = ROW.matcher(doc);
    while (m.find()) {
      documented.put(m.group(1), m.group(2).trim());
    }
    Settings settings = Settings.of(documented);

    DetectorRegistry registry = DetectorRegistry.load();
    registry.createAll(settings, List.of());

    assertThat(documented).hasSizeGreaterThanOrEqualTo(registry.names().size());
    assertThat(settings.unknownKeys("detector.")).isEmpty();
    for (String name : registry.names()) {
      assertThat(doc).contains("\n## " + name + "\n");
    }
  }
}
