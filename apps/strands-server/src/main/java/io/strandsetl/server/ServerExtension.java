package io.strandsetl.server;

import io.javalin.Javalin;
import java.util.Map;

/**
 * Adds routes and their OpenAPI description to the server (e.g. the agents' tools). Found by {@link
 * java.util.ServiceLoader} and also accepted directly by {@link DashboardServer#start}. Routes
 * under {@code /api/} get the same access control as the dashboard's (GET for viewers, any other
 * method for admins only).
 */
public interface ServerExtension {
  /** Registers the extension's handlers. */
  default void register(Javalin app) {}

  /**
   * OpenAPI 3 path items keyed by path (e.g. {@code "/api/tools/detect_issues"} → {@code {"post":
   * {...}}}), merged into {@code /api/openapi.json}. Insertion-ordered maps keep the document
   * stable.
   */
  default Map<String, Object> openApiPaths() {
    return Map.of();
  }
}
