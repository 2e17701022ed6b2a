package io.strandsetl.eventlog;

import io.strandsetl.eventlog.codec.Codec;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the event logs under a path: one file; a rolling directory ({@code
 * eventlog_v2_<app>/events_<N>_<app>[.codec]}, read in numeric N order, from the last {@code
 * .compact} file if any); a Databricks-style directory ({@code eventlog-YYYY-MM-DD--HH-MM[.gz]}
 * parts in time order, then {@code eventlog}); or a directory holding many of these, which gives
 * one source per application: its newest attempt, the others listed in {@code otherAttempts}.
 */
public final class EventLogSources {
  private static final String ROLLING_PREFIX = "eventlog_v2_";
  private static final Pattern ROLLING_PART = Pattern.compile("events_(\\d+)_.+?(\\.compact)?");
  private static final Pattern DATABRICKS_PART =
      Pattern.compile("eventlog(-\\d{4}-\\d{2}-\\d{2}--\\d{2}-\\d{2})?(\\.[a-z0-9]+)?");
  private static final Pattern YARN_ATTEMPT = Pattern.compile("(application_\\d+_\\d+)_(.+)");
  private static final Pattern SIMPLE_ATTEMPT = Pattern.compile("([^_]+)_(\\d+)");
  private static final List<String> CODEC_SUFFIXES =
      List.of(".zstd", ".zst", ".lz4", ".snappy", ".lzf", ".gz", ".gzip");
  private static final byte[] EVENT_FIELD = "\"Event\"".getBytes(StandardCharsets.US_ASCII);

  private EventLogSources() {}

  /**
   * The applications found at {@code path}, sorted by application id.
   *
   * @throws StrandsException PATH_NOT_FOUND when the path does not exist, NOT_AN_EVENT_LOG when
   *     nothing there is an event log
   */
  public static List<EventLogSource> discover(Path path) {
    if (path == null || !Files.exists(path)) {
      throw new StrandsException(
          ErrorCode.PATH_NOT_FOUND,
          "Cannot read event log: " + path + " does not exist (check the path)");
    }
    if (Files.isRegularFile(path)) {
      Codec codec = io.strandsetl.eventlog.codec.DecodedInput.sniff(path);
      if (codec == Codec.UNKNOWN || codec == Codec.LZF) {
        // Opening reports the precise reason (empty, unknown bytes, LZF).
        io.strandsetl.eventlog.codec.DecodedInput.open(path, 0).codec();
      }
      Name name = Name.of(path.getFileName().toString());
      return List.of(
          new EventLogSource(name.appId, List.of(path), codec.label(), name.inProgress, List.of()));
    }
    if (isRolling(path)) {
      return List.of(rolling(path));
    }
    if (isDatabricks(path)) {
      return List.of(databricks(path));
    }
    Map<String, List<Candidate>> byApp = new LinkedHashMap<>();
    for (Path child : children(path)) {
      String fileName = child.getFileName().toString();
      if (fileName.startsWith(".")) {
        continue;
      }
      EventLogSource source = null;
      if (Files.isDirectory(child)) {
        if (isRolling(child)) {
          source = rolling(child);
        } else if (isDatabricks(child)) {
          source = databricks(child);
        }
      } else if (Files.isRegularFile(child) && looksLikeEventLog(child)) {
        Name name = Name.of(fileName);
        source =
            new EventLogSource(
                name.appId,
                List.of(child),
                io.strandsetl.eventlog.codec.DecodedInput.sniff(child).label(),
                name.inProgress,
                List.of());
      }
      if (source != null) {
        Name name =
            Name.of(
                fileName.startsWith(ROLLING_PREFIX)
                    ? fileName.substring(ROLLING_PREFIX.length())
                    : fileName);
        byApp
            .computeIfAbsent(name.appId, k -> new ArrayList<>())
            .add(new Candidate(source, fileName, name.attempt, lastModified(child)));
      }
    }
    if (byApp.isEmpty()) {
      throw new StrandsException(
          ErrorCode.NOT_AN_EVENT_LOG,
          "Cannot find an event log in "
              + path
              + ": no Spark event log files, eventlog_v2_* or Databricks eventlog directories"
              + " (point at a log file or a directory of logs)");
    }
    List<EventLogSource> result = new ArrayList<>();
    byApp.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              List<Candidate> attempts = new ArrayList<>(e.getValue());
              attempts.sort(Candidate.OLDEST_FIRST);
              Candidate newest = attempts.remove(attempts.size() - 1);
              List<String> others = attempts.stream().map(c -> c.fileName).toList();
              EventLogSource s = newest.source;
              result.add(
                  new EventLogSource(s.appId(), s.files(), s.format(), s.inProgress(), others));
            });
    return result;
  }

  private record Candidate(EventLogSource source, String fileName, String attempt, long modified) {
    static final Comparator<Candidate> OLDEST_FIRST =
        Comparator.comparing(
                (Candidate c) -> c.attempt == null ? "" : c.attempt, Name::compareAttempts)
            .thenComparingLong(c -> c.modified)
            .thenComparing(c -> c.fileName);
  }

  /** What a file or directory name tells: application id, attempt, in-progress marker. */
  private record Name(String appId, String attempt, boolean inProgress) {
    static Name of(String fileName) {
      String base = fileName;
      boolean inProgress = base.endsWith(".inprogress");
      if (inProgress) {
        base = base.substring(0, base.length() - ".inprogress".length());
      }
      for (String suffix : CODEC_SUFFIXES) {
        if (base.endsWith(suffix)) {
          base = base.substring(0, base.length() - suffix.length());
          break;
        }
      }
      Matcher yarn = YARN_ATTEMPT.matcher(base);
      if (yarn.matches()) {
        return new Name(yarn.group(1), yarn.group(2), inProgress);
      }
      Matcher simple = SIMPLE_ATTEMPT.matcher(base);
      if (simple.matches() && !base.startsWith("application_")) {
        return new Name(simple.group(1), simple.group(2), inProgress);
      }
      return new Name(base, null, inProgress);
    }

    static int compareAttempts(String a, String b) {
      if (a.matches("\\d+") && b.matches("\\d+")) {
        return Long.compare(Long.parseLong(a), Long.parseLong(b));
      }
      return a.compareTo(b);
    }
  }

  private static boolean isRolling(Path dir) {
    return Files.isDirectory(dir)
        && dir.getFileName() != null
        && dir.getFileName().toString().startsWith(ROLLING_PREFIX)
        && children(dir).stream().anyMatch(p -> ROLLING_PART.matcher(base(p)).matches());
  }

  private static boolean isDatabricks(Path dir) {
    return Files.isDirectory(dir)
        && children(dir).stream()
            .anyMatch(
                p ->
                    Files.isRegularFile(p)
                        && DATABRICKS_PART.matcher(p.getFileName().toString()).matches());
  }

  private static EventLogSource rolling(Path dir) {
    String appId = dir.getFileName().toString().substring(ROLLING_PREFIX.length());
    List<Path> parts = new ArrayList<>();
    boolean inProgress = false;
    for (Path p : children(dir)) {
      String name = p.getFileName().toString();
      if (name.startsWith("appstatus_")) {
        inProgress |= name.endsWith(".inprogress");
      } else if (ROLLING_PART.matcher(base(p)).matches()) {
        parts.add(p);
      }
    }
    parts.sort(Comparator.comparingLong(EventLogSources::rollingIndex));
    // A compacted file replaces every part before it (Spark's EventLogFileCompactor).
    for (int i = parts.size() - 1; i > 0; i--) {
      if (base(parts.get(i)).endsWith(".compact")) {
        parts = new ArrayList<>(parts.subList(i, parts.size()));
        break;
      }
    }
    Name name = Name.of(appId);
    return new EventLogSource(name.appId, parts, "rolling", inProgress, List.of());
  }

  private static long rollingIndex(Path p) {
    Matcher m = ROLLING_PART.matcher(base(p));
    if (!m.matches()) {
      return Long.MAX_VALUE;
    }
    try {
      return Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** A rolling part's name without its codec suffix (events_1_app.zstd → events_1_app). */
  private static String base(Path p) {
    String name = p.getFileName().toString();
    for (String suffix : CODEC_SUFFIXES) {
      if (name.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

  private static EventLogSource databricks(Path dir) {
    List<Path> dated = new ArrayList<>();
    Path current = null;
    for (Path p : children(dir)) {
      String name = p.getFileName().toString();
      Matcher m = DATABRICKS_PART.matcher(name);
      if (!Files.isRegularFile(p) || !m.matches()) {
        continue;
      }
      if (m.group(1) == null) {
        current = p;
      } else {
        dated.add(p);
      }
    }
    // "eventlog-YYYY-MM-DD--HH-MM" sorts by time as text; the live "eventlog" file is the newest.
    dated.sort(Comparator.comparing(p -> p.getFileName().toString()));
    if (current != null) {
      dated.add(current);
    }
    String appId = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    return new EventLogSource(appId, dated, "databricks", false, List.of());
  }

  private static boolean looksLikeEventLog(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = new byte[64];
      int n = in.readNBytes(head, 0, head.length);
      Codec codec = Codec.detect(head, n);
      if (codec == Codec.UNKNOWN) {
        return false;
      }
      if (codec != Codec.PLAIN) {
        return true;
      }
      // Plain JSON that is not a listener event (a report, a Sparklens dump) is not a log.
      return indexOf(head, n, EVENT_FIELD) >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static int indexOf(byte[] data, int length, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static List<Path> children(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot list directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private static long lastModified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
