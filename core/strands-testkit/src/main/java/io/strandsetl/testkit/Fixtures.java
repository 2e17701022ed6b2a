package io.strandsetl.testkit;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The small real event logs shipped with the testkit ({@code fixtures/eventlogs/<case>/}, written
 * by Spark 4.1.3; see the README beside them). Each case folder holds exactly one event log as
 * Spark wrote it: a rolling {@code eventlog_v2_<appId>/} directory with zstd-compressed parts.
 */
public final class Fixtures {
  private static final String ROOT = "fixtures/eventlogs/";

  private Fixtures() {}

  /**
   * The event log of a case, as a filesystem path a reader can open: the {@code eventlog_v2_*}
   * directory (or file) inside the case folder. Served in place when the resources are a directory
   * on disk; copied once to a temporary directory when they are inside a jar.
   *
   * @param name the case, for example {@code "missing-broadcast-positive"}
   */
  public static Path eventLog(String name) {
    Path caseDir = caseDirectory(name);
    try (Stream<Path> entries = Files.list(caseDir)) {
      List<Path> logs = entries.sorted().toList();
      if (logs.size() != 1) {
        throw new StrandsException(
            ErrorCode.INTERNAL_ERROR,
            "Invalid fixture '" + name + "': " + logs.size() + " entries (expected one event log)");
      }
      return logs.get(0);
    } catch (IOException e) {
      throw new StrandsException(ErrorCode.IO_ERROR, "Cannot list fixture " + name + ": " + e, e);
    }
  }

  private static Path caseDirectory(String name) {
    URL url = Fixtures.class.getClassLoader().getResource(ROOT + name);
    if (url == null) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid fixture name: '" + name + "' (no " + ROOT + name + ")");
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("file")) {
        return Path.of(uri);
      }
      return copyOutOfJar(uri, name);
    } catch (URISyntaxException | IOException e) {
      throw new StrandsException(ErrorCode.IO_ERROR, "Cannot open fixture " + name + ": " + e, e);
    }
  }

  /** Copies a case folder out of the testkit jar, so readers get an ordinary directory. */
  private static Path copyOutOfJar(URI uri, String name) throws IOException {
    FileSystem jar;
    try {
      jar = FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      jar = FileSystems.getFileSystem(uri);
    }
    Path source = jar.provider().getPath(uri);
    Path target = Files.createTempDirectory("strands-fixture-").resolve(name);
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path p : paths.sorted().toList()) {
        Path dest = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return target;
  }
}
