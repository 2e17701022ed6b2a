package io.strandsetl.server.security;

import io.strandsetl.model.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The two bearer tokens: a read-only viewer token and an admin token. Compared in constant time.
 *
 * @param viewer read-only token
 * @param admin read-write token; must differ from the viewer token
 */
public record AccessTokens(Secret viewer, Secret admin) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public AccessTokens {
    Objects.requireNonNull(viewer, "viewer");
    Objects.requireNonNull(admin, "admin");
    if (viewer.isEmpty() || admin.isEmpty() || viewer.equals(admin)) {
      throw new IllegalArgumentException(
          "Invalid server tokens: viewer and admin tokens must be set and differ");
    }
  }

  /** A new random token: 32 bytes from {@link SecureRandom}, URL-safe Base64 (43 characters). */
  public static Secret generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** The role of a presented token; empty when it matches neither. */
  public Optional<Role> roleOf(String presented) {
    if (presented == null || presented.isEmpty()) {
      return Optional.empty();
    }
    // Both comparisons always run, so timing does not tell which token was close.
    boolean isAdmin = constantTimeEquals(presented, admin.reveal());
    boolean isViewer = constantTimeEquals(presented, viewer.reveal());
    if (isAdmin) {
      return Optional.of(Role.ADMIN);
    }
    return isViewer ? Optional.of(Role.VIEWER) : Optional.empty();
  }

  static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** A random value for session ids and CSRF tokens. */
  static String randomId() {
    return generate().reveal();
  }
}
