package io.strandsetl.server;

import io.javalin.Javalin;
import io.strandsetl.server.erasure.SubjectErasure;
import io.strandsetl.server.tools.ToolCatalog;
import java.util.Map;
import java.util.Optional;

/**
 * Adds routes and their OpenAPI description to the server (e.g. the agents' tools). Found by {@link
 * java.util.ServiceLoader} and also accepted directly by {@link DashboardServer#start}. Routes
 * under {@code /api/} get the same access control as the dashboard's (GET for viewers, any other
 * method for admins only, except the POST of a read-only tool of the {@link #toolCatalog()}).
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

  /**
   * Component schemas the extension's path items reference, merged into {@code components/schemas}
   * of {@code /api/openapi.json}.
   */
  default Map<String, Object> openApiSchemas() {
    return Map.of();
  }

  /**
   * The erasure the Compliance page offers to admins ({@code POST /api/compliance/erase}); the
   * first extension that supplies one is used. Without one the form and the endpoint are absent.
   */
  default Optional<SubjectErasure> subjectErasure() {
    return Optional.empty();
  }

  /**
   * The agents' tools to serve under {@code /api/agents/…} and to describe in the OpenAPI document;
   * the first extension that supplies a catalog is used.
   */
  default Optional<ToolCatalog> toolCatalog() {
    return Optional.empty();
  }
}
