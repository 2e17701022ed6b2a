package io.strandsetl.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.StrandsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FixturesTest {

  @Test
  void resolvesACaseToSparksRollingEventLogDirectory() throws IOException {
    Path log = Fixtures.eventLog("spill-positive");

    assertThat(log.getFileName().toString()).startsWith("eventlog_v2_local-");
    try (Stream<Path> parts = Files.list(log)) {
      assertThat(parts.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("events_1_") && n.endsWith(".zstd"))
          .anyMatch(n -> n.startsWith("appstatus_") && !n.endsWith(".inprogress"));
    }
  }

  @Test
  void eventPartsAreZstdFrames() throws IOException {
    Path log = Fixtures.eventLog("small-files-positive");
    try (Stream<Path> parts = Files.list(log)) {
      Path events =
          parts.filter(p -> p.getFileName().toString().endsWith(".zstd")).findFirst().orElseThrow();
      try (InputStream in = Files.newInputStream(events)) {
        // zstd frame magic number 0xFD2FB528, little-endian on disk.
        assertThat(in.readNBytes(4)).containsExactly(0x28, 0xB5, 0x2F, 0xFD);
      }
    }
  }

  @Test
  void rejectsAnUnknownCaseNamingIt() {
    assertThatThrownBy(() -> Fixtures.eventLog("spil-positive"))
        .isInstanceOf(StrandsException.class)
        .hasMessage("Invalid fixture name: 'spil-positive' (no fixtures/eventlogs/spil-positive)");
  }
}
