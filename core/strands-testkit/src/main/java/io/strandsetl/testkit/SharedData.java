package io.strandsetl.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read-only third-party data beside the project ({@code ../shared/data}). Tests that use it are
 * skipped, not failed, when it is absent, so a clone elsewhere still passes.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared folder: system property {@code strands.shared.dir}, else {@code ../shared}. */
  public static Path root() {
    String configured = System.getProperty("strands.shared.dir");
    return configured != null ? Path.of(configured) : Path.of("..", "shared");
  }

  /** A path under {@code shared/data}; skips the calling test when it does not exist. */
  public static Path data(String relative) {
    Path p = root().resolve("data").resolve(relative).normalize();
    assumeTrue(Files.exists(p), () -> "shared data not present: " + p);
    return p;
  }

  /** A path under {@code shared/data/eventlogs}; skips the calling test when it does not exist. */
  public static Path eventLog(String relative) {
    return data("eventlogs/" + relative);
  }
}
