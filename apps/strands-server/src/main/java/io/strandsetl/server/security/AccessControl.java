package io.strandsetl.server.security;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Runs before every request: finds the caller's role from an {@code Authorization: Bearer} token or
 * the session cookie, refuses anonymous requests (unless anonymous read is on), refuses writes by
 * viewers (403) and cookie-authenticated writes without the session's CSRF token (403).
 *
 * <p>Bearer requests need no CSRF token: a browser never attaches that header by itself. Cookie
 * requests are protected twice: the cookie is SameSite=Strict (not sent from other sites) and every
 * write must echo the session's CSRF token (header {@code X-CSRF-Token} or form field {@code
 * csrf}).
 */
public final class AccessControl {
  /** Request attribute holding the caller's {@link Role}. */
  public static final String ROLE = "strands.role";

  /** Request attribute holding the session's CSRF token (absent for bearer callers). */
  public static final String CSRF = "strands.csrf";

  private final AccessTokens tokens;
  private final Sessions sessions;
  private final boolean anonymousRead;
  private final Predicate<String> viewerMayPost;

  public AccessControl(AccessTokens tokens, Sessions sessions, boolean anonymousRead) {
    this(tokens, sessions, anonymousRead, path -> false);
  }

  /**
   * @param viewerMayPost POST paths that only read (the agents' read-only tools): a viewer may call
   *     them; the CSRF check still applies to browser sessions
   */
  public AccessControl(
      AccessTokens tokens,
      Sessions sessions,
      boolean anonymousRead,
      Predicate<String> viewerMayPost) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.anonymousRead = anonymousRead;
    this.viewerMayPost = viewerMayPost;
  }

  public AccessTokens tokens() {
    return tokens;
  }

  public Sessions sessions() {
    return sessions;
  }

  /** True for paths anyone may load: the login page and static assets (no data in them). */
  static boolean isPublic(String path) {
    return path.equals("/login")
        || path.startsWith("/static/")
        || path.startsWith("/webjars/")
        || path.equals("/favicon.ico");
  }

  public void check(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    String path = ctx.path();
    if (isPublic(path)) {
      return;
    }
    boolean write = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD;
    Optional<Role> role = Optional.empty();
    Optional<Sessions.Session> session = Optional.empty();
    String auth = ctx.header("Authorization");
    if (auth != null) {
      if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        deny(ctx, 401, "Cannot authenticate: expected 'Authorization: Bearer <token>'");
        return;
      }
      role = tokens.roleOf(auth.substring(7).trim());
      if (role.isEmpty()) {
        deny(ctx, 401, "Cannot authenticate: unknown token");
        return;
      }
    } else {
      session = sessions.find(ctx.cookie(Sessions.COOKIE));
      role = session.map(Sessions.Session::role);
      if (role.isEmpty() && anonymousRead && !write) {
        role = Optional.of(Role.VIEWER);
      }
    }
    if (role.isEmpty()) {
      // Swagger UI is a page: a browser is sent to the login form like for the sections.
      if ((path.startsWith("/api/") && !path.equals("/api/docs")) || write) {
        deny(ctx, 401, "Cannot authenticate: log in or send 'Authorization: Bearer <token>'");
      } else {
        String next = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
        ctx.redirect(
            "/login?next="
                + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        ctx.skipRemainingHandlers();
      }
      return;
    }
    ctx.attribute(ROLE, role.get());
    session.ifPresent(s -> ctx.attribute(CSRF, s.csrfToken()));
    if (write) {
      if (session.isPresent()) {
        String presented = ctx.header("X-CSRF-Token");
        if (presented == null) {
          presented = ctx.formParam("csrf");
        }
        if (presented == null
            || !AccessTokens.constantTimeEquals(presented, session.get().csrfToken())) {
          deny(ctx, 403, "Cannot accept the request: missing or wrong CSRF token");
          return;
        }
      }
      boolean readOnly =
          path.equals("/logout") || (ctx.method() == HandlerType.POST && viewerMayPost.test(path));
      if (!readOnly && !role.get().canWrite()) {
        deny(ctx, 403, "Cannot change anything with a viewer token: an admin token is needed");
      }
    }
  }

  private static void deny(Context ctx, int status, String message) {
    ctx.status(status);
    ctx.json(Map.of("error", message, "status", status));
    ctx.skipRemainingHandlers();
  }

  /** The caller's role, set by {@link #check}. */
  public static Role role(Context ctx) {
    Role r = ctx.attribute(ROLE);
    return r == null ? Role.VIEWER : r;
  }
}
