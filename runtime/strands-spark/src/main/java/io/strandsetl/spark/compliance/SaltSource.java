package io.strandsetl.spark.compliance;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Secret;
import io.strandsetl.model.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The key of salted hashing and tokenising: {@code compliance.salt} (a {@link Secret}), else the
 * content of {@code compliance.salt-file}, else a file {@code state/compliance-salt} in the data
 * directory, created once with 32 random bytes (owner-only permissions) so that hashes and tokens
 * stay the same from run to run and stay joinable.
 */
final class SaltSource {
  private final Optional<Secret> configured;
  private final Optional<String> file;

  SaltSource(Settings settings) {
    this.configured = settings.secret("compliance.salt");
    this.file = settings.string("compliance.salt-file");
  }

  /** The salt; {@code dataDir} is used when neither key is set. */
  byte[] salt(Path dataDir) {
    if (configured.isPresent() && !configured.get().isEmpty()) {
      return configured.get().reveal().getBytes(StandardCharsets.UTF_8);
    }
    Path path = file.map(Path::of).orElse(dataDir.resolve("state").resolve("compliance-salt"));
    try {
      if (!Files.exists(path)) {
        Files.createDirectories(path.toAbsolutePath().getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Files.writeString(path, HexFormat.of().formatHex(random) + "\n", StandardCharsets.US_ASCII);
        try {
          Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the file keeps the default permissions
        }
      }
      String content = Files.readString(path, StandardCharsets.US_ASCII).strip();
      if (content.isEmpty()) {
        throw new StrandsException(
            ErrorCode.INVALID_CONFIG,
            "Invalid compliance.salt-file: " + path + " (empty; delete it to generate a new salt)");
      }
      return content.getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR,
          "Cannot read or create the compliance salt file " + path + ": " + e.getMessage());
    }
  }
}
