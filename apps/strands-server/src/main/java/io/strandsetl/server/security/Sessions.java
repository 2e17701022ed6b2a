package io.strandsetl.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions created by the login form. The cookie holds a random session id, never the
 * token; each session has its own CSRF token. Sessions live in memory and end after {@link #TTL} or
 * at logout; a restart logs everyone out.
 */
public final class Sessions {
  /** How long a login lasts. */
  public static final Duration TTL = Duration.ofHours(12);

  /** Name of the session cookie (HttpOnly, SameSite=Strict, Path=/). */
  public static final String COOKIE = "strands_session";

  /**
   * One login.
   *
   * @param csrfToken must accompany every form post and write request of this session
   * @param expiresAt end of the session, UTC
   */
  public record Session(String id, Role role, String csrfToken, Instant expiresAt) {}

  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final Clock clock;

  public Sessions(Clock clock) {
    this.clock = clock;
  }

  public Session open(Role role) {
    Instant now = clock.instant();
    byId.values().removeIf(s -> !s.expiresAt().isAfter(now));
    Session s = new Session(AccessTokens.randomId(), role, AccessTokens.randomId(), now.plus(TTL));
    byId.put(s.id(), s);
    return s;
  }

  public Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session s = byId.get(id);
    if (s == null || !s.expiresAt().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(s);
  }

  public void close(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }
}
