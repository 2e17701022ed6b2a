package io.strandsetl.lint.source;

import java.util.Locale;
import java.util.Optional;

/** The source languages the tokenizer understands, chosen by file extension. */
public enum Language {
  PYTHON("py"),
  SCALA("scala");

  private final String extension;

  Language(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** The language of a file name ({@code job.py}), or empty for other extensions. */
  public static Optional<Language> ofFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (Language l : values()) {
      if (lower.endsWith("." + l.extension)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
