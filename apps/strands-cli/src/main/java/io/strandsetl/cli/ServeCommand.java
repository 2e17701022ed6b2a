package io.strandsetl.cli;

import io.strandsetl.agents.supervisor.AgentTeam;
import io.strandsetl.cost.CostEngine;
import io.strandsetl.engine.track.TrackingStores;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.server.DashboardServer;
import io.strandsetl.server.ServerConfig;
import io.strandsetl.server.ServerExtension;
import io.strandsetl.server.erasure.SubjectErasure;
import io.strandsetl.server.tools.ToolCatalog;
import io.strandsetl.spark.run.PipelineRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strands serve}: the dashboard and REST API over the configured tracking store, until the
 * process is stopped (Ctrl-C). Tokens that are not configured are generated and printed once.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the web dashboard and the REST API (OpenAPI at /api/openapi.json, Swagger UI at",
      "/api/docs) over the tracking store (store.* settings), bound to 127.0.0.1:8080 unless",
      "--host/--port or server.host/server.port say otherwise. Runs until stopped (Ctrl-C).",
      "A viewer token (read only) and an admin token that are not configured",
      "(server.viewer-token, server.admin-token) are generated and printed once.",
      "Admins can erase a data subject from the Compliance page (POST /api/compliance/erase) and",
      "call the agents' tools at /api/agents/{agent}/tools/{tool}; viewers call read-only tools."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", description = "TCP port; 0 picks a free one.")
  Integer port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "Address to bind (default 127.0.0.1).")
  String host;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "A properties file of settings (store.*, server.*).")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one setting, e.g. --set server.monthly-budget-usd=500.")
  List<String> overrides = List.of();

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "strands-data",
      description =
          "Where state/compliance-salt lives, for erasures from the dashboard (default:"
              + " ${DEFAULT-VALUE}; as strands erase --data-dir).")
  Path dataDir;

  @Option(
      names = "--master",
      paramLabel = "URL",
      defaultValue = "local[*]",
      description = "Spark master of an erasure from the dashboard (default: ${DEFAULT-VALUE}).")
  String master;

  /**
   * A started server, its store and the agents behind the tools API; closing stops the server, then
   * closes the agents and the store.
   */
  record Running(DashboardServer server, TrackingStore store, AgentTeam team)
      implements AutoCloseable {
    @Override
    public void close() {
      server.stop();
      team.close();
      store.close();
    }
  }

  /**
   * What the server offers beyond the store's data: the admin's erasure (Spark) and the agents'
   * tools (strands-agents), which the server module cannot depend on itself.
   */
  static ServerExtension adminActions(SubjectErasure erasure, AgentToolCatalog tools) {
    return new ServerExtension() {
      @Override
      public Optional<SubjectErasure> subjectErasure() {
        return Optional.of(erasure);
      }

      @Override
      public Optional<ToolCatalog> toolCatalog() {
        return Optional.of(tools);
      }
    };
  }

  @Override
  public Integer call() throws InterruptedException {
    Running running = start(spec.commandLine().getOut());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.close();
                  stopped.countDown();
                },
                "strands-serve-shutdown"));
    stopped.await();
    return 0;
  }

  /** Opens the store, starts the server and prints where it is (and generated tokens, once). */
  Running start(PrintWriter out) {
    Map<String, String> set = new LinkedHashMap<>();
    for (String o : overrides) {
      var e = io.strandsetl.engine.config.SettingsLoader.parseOverride(o);
      set.put(e.getKey(), e.getValue());
    }
    if (host != null) {
      set.put("server.host", host);
    }
    if (port != null) {
      set.put("server.port", Integer.toString(port));
    }
    Settings settings =
        io.strandsetl.engine.config.SettingsLoader.load(config, System.getenv(), set);
    ServerConfig serverConfig = ServerConfig.from(settings);
    Set<String> unknown = settings.unknownKeys("server.");
    if (!unknown.isEmpty()) {
      throw new StrandsException(
          ErrorCode.INVALID_CONFIG,
          "Invalid settings: unknown keys "
              + unknown
              + " (known: server.host, server.port, server.viewer-token, server.admin-token,"
              + " server.anonymous-read, server.monthly-budget-usd, server.quality-alert-below)");
    }
    CostEngine costEngine = CostEngine.fromSettings(settings);
    TrackingStore store = TrackingStores.open(settings);
    Clock clock = Clock.systemUTC();
    AgentTeam team = AgentTeam.of(settings, store, clock, new PipelineRunner()::run);
    try {
      team.checkKeys(); // a mistyped agents.* key is an error here as for 'strands agents'
    } catch (RuntimeException e) {
      team.close();
      store.close();
      throw e;
    }
    DashboardServer server;
    try {
      Object sparkLock =
          new Object(); // one Spark context per JVM: erasures and Spark tools take turns
      ServerExtension actions =
          adminActions(
              new SparkSubjectErasure(settings, store, dataDir, master, clock, sparkLock),
              new AgentToolCatalog(team, sparkLock));
      server = DashboardServer.start(serverConfig, store, clock, List.of(actions), costEngine);
    } catch (RuntimeException e) {
      team.close();
      store.close();
      throw new StrandsException(
          ErrorCode.IO_ERROR,
          "Cannot start the server on "
              + serverConfig.host()
              + ":"
              + serverConfig.port()
              + ": "
              + e.getMessage()
              + " (is the port in use? try --port 0)",
          e);
    }
    out.println("Strands dashboard: " + server.url() + "/");
    out.println("Store: " + TrackingStores.location(settings));
    // Generated tokens are printed here, once; they are never logged and not shown again.
    if (serverConfig.viewerTokenGenerated()) {
      out.println("Viewer token (read only): " + serverConfig.tokens().viewer().reveal());
    }
    if (serverConfig.adminTokenGenerated()) {
      out.println(
          "Admin token (shown once; set server.admin-token to keep one): "
              + serverConfig.tokens().admin().reveal());
    }
    if (serverConfig.anonymousRead()) {
      out.println("Anonymous read-only access is on (server.anonymous-read=true).");
    }
    out.println("API: " + server.url() + "/api/docs   Stop with Ctrl-C.");
    out.flush();
    return new Running(server, store, team);
  }
}
