package io.strandsetl.lint;

import io.strandsetl.lint.source.Language;
import io.strandsetl.lint.source.SourceLinter;
import io.strandsetl.lint.sql.SqlLinter;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.finding.Finding;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The {@code strands lint} use case: static checks of SQL ({@code .sql}) and PySpark / Scala
 * ({@code .py}, {@code .scala}) files for the anti-patterns {@code strands analyze} finds at run
 * time. Files are read as UTF-8; nothing is executed.
 */
public final class LintService {
  private static final List<String> EXTENSIONS = List.of("sql", "py", "scala");
  private static final Comparator<Finding> ORDER =
      Comparator.comparing((Finding f) -> f.location().file())
          .thenComparing(f -> f.location().line() == null ? 0 : f.location().line())
          .thenComparing(Finding::type)
          .thenComparing(Finding::id);

  private final LintOptions options;

  public LintService(LintOptions options) {
    this.options = options;
  }

  /**
   * Lints files, and the {@code .sql}, {@code .py} and {@code .scala} files under directories.
   * Every path is checked before any is read.
   *
   * @throws StrandsException (user error) naming the first path that is missing or not lintable
   */
  public LintReport lint(List<Path> paths) {
    if (paths.isEmpty()) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid arguments: no file to lint (give .sql, .py or .scala files)");
    }
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      files.addAll(expand(path));
    }
    List<String> names = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<LintNote> notes = new ArrayList<>();
    for (Path file : files) {
      String name = file.toString();
      LintCollector collector = lint(name, read(file));
      names.add(name);
      findings.addAll(collector.findings());
      notes.addAll(collector.notes());
    }
    return report(names, findings, notes);
  }

  /** Lints one text as if it were the file {@code name} (its extension picks the language). */
  public LintReport lintText(String name, String text) {
    extensionOf(Path.of(name));
    LintCollector collector = lint(name, text);
    return report(List.of(name), collector.findings(), collector.notes());
  }

  private LintCollector lint(String name, String text) {
    LintCollector collector = new LintCollector(name, text, options.smallTables());
    String ext = extensionOf(Path.of(name));
    if (ext.equals("sql")) {
      SqlLinter.lintScript(text, 1, collector);
    } else {
      try {
        SourceLinter.lint(text, Language.ofFileName(name).orElseThrow(), collector);
      } catch (RuntimeException e) {
        // a bug in a rule must not cost the user the other files: say so, go on
        collector.note(
            1, "Cannot check the rest of this file: internal error " + e + " (please report it)");
      }
    }
    return collector;
  }

  private static LintReport report(
      List<String> files, List<Finding> findings, List<LintNote> notes) {
    List<Finding> sorted = findings.stream().sorted(ORDER).toList();
    List<LintNote> sortedNotes =
        notes.stream()
            .sorted(Comparator.comparing(LintNote::file).thenComparingInt(LintNote::line))
            .toList();
    return new LintReport(LintReport.SCHEMA_VERSION, files, sorted, sortedNotes);
  }

  private static List<Path> expand(Path path) {
    if (!Files.exists(path)) {
      throw new StrandsException(
          ErrorCode.PATH_NOT_FOUND, "Cannot lint " + path + ": no such file");
    }
    if (!Files.isDirectory(path)) {
      extensionOf(path);
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      List<Path> found =
          walk.filter(Files::isRegularFile)
              .filter(p -> EXTENSIONS.contains(extension(p)))
              .sorted()
              .toList();
      if (found.isEmpty()) {
        throw new StrandsException(
            ErrorCode.INVALID_ARGUMENT,
            "Cannot lint " + path + ": the directory holds no .sql, .py or .scala file");
      }
      return found;
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot read directory " + path + ": " + e.getMessage());
    }
  }

  private static String extensionOf(Path path) {
    String ext = extension(path);
    if (!EXTENSIONS.contains(ext)) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid file to lint: " + path + " (unsupported extension; known: .sql, .py, .scala)");
    }
    return ext;
  }

  private static String extension(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String read(Path file) {
    try {
      // readString fails on bytes that are not UTF-8 instead of guessing a charset
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT, "Cannot lint " + file + ": it is not UTF-8 text");
    } catch (IOException e) {
      throw new StrandsException(ErrorCode.IO_ERROR, "Cannot read " + file + ": " + e.getMessage());
    }
  }
}
