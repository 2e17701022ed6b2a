package io.strandsetl.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.strandsetl.cost.CostEngine;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.server.api.ApiRoutes;
import io.strandsetl.server.api.DashboardQueries;
import io.strandsetl.server.api.OpenApiDocument;
import io.strandsetl.server.erasure.ErasureRoutes;
import io.strandsetl.server.security.AccessControl;
import io.strandsetl.server.security.Sessions;
import io.strandsetl.server.tools.ToolRoutes;
import io.strandsetl.server.web.Pages;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code strands serve}: the REST API and the dashboard over one {@link TrackingStore}. The store
 * stays owned by the caller (closed by it after {@link #stop()}).
 */
public final class DashboardServer implements AutoCloseable {
  // Pages load scripts and styles from this server only; ECharts sets inline style attributes.
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final Javalin app;
  private final ServerConfig config;

  private DashboardServer(Javalin app, ServerConfig config) {
    this.app = app;
    this.config = config;
  }

  /** Starts serving with the cost engine's defaults. */
  public static DashboardServer start(
      ServerConfig config, TrackingStore store, Clock clock, List<ServerExtension> extensions) {
    return start(config, store, clock, extensions, CostEngine.defaults());
  }

  /** Starts serving; extensions found by ServiceLoader are added after {@code extensions}. */
  public static DashboardServer start(
      ServerConfig config,
      TrackingStore store,
      Clock clock,
      List<ServerExtension> extensions,
      CostEngine costEngine) {
    // One daemon thread for background work (the audit-chain walk), so requests never wait on it.
    ExecutorService background =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "strands-server-background");
              t.setDaemon(true);
              return t;
            });
    DashboardQueries queries =
        new DashboardQueries(
            store,
            clock,
            config.monthlyBudgetUsd(),
            config.qualityAlertBelow(),
            background,
            costEngine);
    List<ServerExtension> all = new ArrayList<>(extensions);
    ServiceLoader.load(ServerExtension.class, DashboardServer.class.getClassLoader())
        .forEach(all::add);
    Optional<ErasureRoutes> erasure =
        all.stream()
            .map(ServerExtension::subjectErasure)
            .flatMap(Optional::stream)
            .findFirst()
            .map(ErasureRoutes::new);
    Optional<ToolRoutes> tools =
        all.stream()
            .map(ServerExtension::toolCatalog)
            .flatMap(Optional::stream)
            .findFirst()
            .map(ToolRoutes::new);
    AccessControl access =
        new AccessControl(
            config.tokens(),
            new Sessions(clock),
            config.anonymousRead(),
            path -> tools.map(t -> t.viewerMayPost(path)).orElse(false));
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    Javalin app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.jsonMapper(new JavalinJackson(mapper, false));
              cfg.staticFiles.add(
                  sf -> {
                    sf.hostedPath = "/static";
                    sf.directory = "/io/strandsetl/server/web/static";
                    sf.location = Location.CLASSPATH;
                  });
              cfg.staticFiles.enableWebjars();
            });
    app.before(
        ctx -> {
          ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
          access.check(ctx);
        });
    ApiRoutes api = new ApiRoutes(queries);
    api.register(app);
    new Pages(queries, access, erasure.isPresent()).register(app);
    List<Map<String, Object>> extensionPaths = new ArrayList<>();
    Map<String, Object> extensionSchemas = new java.util.LinkedHashMap<>();
    erasure.ifPresent(
        r -> {
          r.register(app);
          extensionPaths.add(ErasureRoutes.openApiPaths());
          extensionSchemas.putAll(ErasureRoutes.openApiSchemas());
        });
    tools.ifPresent(
        t -> {
          t.register(app);
          extensionPaths.add(t.openApiPaths());
          extensionSchemas.putAll(t.openApiSchemas());
        });
    for (ServerExtension e : all) {
      e.register(app);
      extensionPaths.add(e.openApiPaths());
      extensionSchemas.putAll(e.openApiSchemas());
    }
    Map<String, Object> openApi =
        OpenApiDocument.build(api.endpoints(), extensionPaths, extensionSchemas);
    app.get("/api/openapi.json", ctx -> ctx.json(openApi));
    app.exception(StrandsException.class, (e, ctx) -> error(ctx, statusOf(e), e.getMessage()));
    app.exception(
        Exception.class,
        (e, ctx) ->
            error(
                ctx, 500, "Cannot answer: internal error (" + e.getClass().getSimpleName() + ")"));
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null || ctx.result().isEmpty()) {
            error(ctx, 404, "Cannot find " + ctx.path());
          }
        });
    app.events(e -> e.serverStopped(background::shutdownNow));
    app.start(config.host(), config.port());
    queries.startAuditCheck();
    return new DashboardServer(app, config);
  }

  /** The HTTP status of a Strands error: not found 404, user 400, internal 500, external 502. */
  public static int statusOf(StrandsException e) {
    if (e.code() == ErrorCode.PATH_NOT_FOUND) {
      return 404;
    }
    return switch (e.kind()) {
      case USER -> 400;
      case INTERNAL -> 500;
      case EXTERNAL -> 502;
    };
  }

  private static void error(Context ctx, int status, String message) {
    ctx.status(status);
    String accept = ctx.header("Accept");
    if (ctx.path().startsWith("/api/") || accept == null || !accept.contains("text/html")) {
      ctx.json(Map.of("error", message, "status", status));
    } else {
      ctx.html(
          "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error</title>"
              + "<link rel=\"stylesheet\" href=\"/static/dashboard.css\"></head><body><main><h1>"
              + status
              + "</h1><p class=\"error\">"
              + escape(message)
              + "</p><p><a href=\"/\">Overview</a></p></main></body></html>");
    }
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return app.port();
  }

  public ServerConfig config() {
    return config;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
  public String url() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return "http://" + host + ":" + port();
  }

  public void stop() {
    app.stop();
  }

  @Override
  public void close() {
    stop();
  }
}
