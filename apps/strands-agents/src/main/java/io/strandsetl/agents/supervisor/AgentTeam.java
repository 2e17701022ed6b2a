package io.strandsetl.agents.supervisor;

import io.strandsetl.agents.compliance.ComplianceAgent;
import io.strandsetl.agents.compliance.ComplianceParticipant;
import io.strandsetl.agents.cost.CostAgent;
import io.strandsetl.agents.cost.CostEnginePricer;
import io.strandsetl.agents.cost.CostParticipant;
import io.strandsetl.agents.decision.DecisionAgent;
import io.strandsetl.agents.learning.LearningAgent;
import io.strandsetl.agents.optimization.OptimizationAgent;
import io.strandsetl.agents.optimization.OptimizationParticipant;
import io.strandsetl.agents.quality.QualityAgent;
import io.strandsetl.agents.quality.QualityParticipant;
import io.strandsetl.agents.runtime.Agent;
import io.strandsetl.agents.runtime.AgentContext;
import io.strandsetl.agents.runtime.AgentInvoker;
import io.strandsetl.agents.runtime.EventBus;
import io.strandsetl.agents.runtime.InvocationLog;
import io.strandsetl.agents.runtime.Timeouts;
import io.strandsetl.agents.runtime.ToolRegistry;
import io.strandsetl.cost.CostEngine;
import io.strandsetl.engine.track.TrackingStores;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.spark.run.PipelineRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The seven agents wired together over one configuration, one tracking store (opened on first use
 * and closed with the team) and one event bus: the registry behind {@code strands agents}, the
 * Supervisor behind {@code strands run}.
 */
public final class AgentTeam implements AutoCloseable {
  private final Settings settings;
  private final Clock clock;
  private final Supplier<TrackingStore> opener;
  private final boolean ownsStore;
  private final EventBus events = new EventBus();
  private TrackingStore store;

  private final LearningAgent learning;
  private final DecisionAgent decision;
  private final OptimizationAgent optimization;
  private final QualityAgent quality;
  private final ComplianceAgent compliance;
  private final CostAgent cost;
  private final SupervisorAgent supervisorAgent;
  private final ToolRegistry registry;
  private final Supervisor.PipelineExecutor executor;
  private final List<RunParticipant> participants;

  private AgentTeam(
      Settings settings,
      Clock clock,
      Supplier<TrackingStore> opener,
      boolean ownsStore,
      Supervisor.PipelineExecutor executor) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = clock == null ? Clock.systemUTC() : clock;
    this.opener = opener;
    this.ownsStore = ownsStore;
    this.executor = executor;
    Supplier<TrackingStore> lazy = this::store;
    this.learning = new LearningAgent(lazy);
    this.optimization = new OptimizationAgent(settings, lazy);
    this.cost = new CostAgent(CostEngine.fromSettings(settings), optimization, lazy, this.clock);
    this.decision =
        new DecisionAgent(
            settings, lazy, learning, new CostEnginePricer(cost.engine(), this.clock));
    this.quality = new QualityAgent(settings, lazy);
    this.compliance = new ComplianceAgent(settings, lazy, this.clock);
    this.participants =
        List.of(
            new OptimizationParticipant(optimization),
            new QualityParticipant(settings, lazy, this.clock),
            new ComplianceParticipant(settings, this.clock),
            new CostParticipant());
    this.supervisorAgent = new SupervisorAgent(this);
    List<Agent> agents =
        List.of(supervisorAgent, decision, optimization, quality, compliance, cost, learning);
    this.registry = ToolRegistry.of(agents, new AgentContext(settings, lazy, this.clock));
  }

  /**
   * The team over the store that {@code store.*} names, opened on first use.
   *
   * @throws io.strandsetl.model.StrandsException INVALID_CONFIG naming every {@code agents.*} key
   *     that no agent reads (a typo must not be ignored silently)
   */
  public static AgentTeam open(Settings settings, Clock clock) {
    AgentTeam team =
        new AgentTeam(
            settings, clock, () -> TrackingStores.open(settings), true, new PipelineRunner()::run);
    team.checkKeys();
    return team;
  }

  /**
   * Reads every agents.* key now (some are read lazily) and reports those nobody reads; {@link
   * #open} does it, callers of {@link #of} (the dashboard server) call it themselves.
   *
   * @throws io.strandsetl.model.StrandsException INVALID_CONFIG naming every unknown key
   */
  public void checkKeys() {
    List<String> names = new ArrayList<>();
    registry.agents().forEach(a -> names.add(a.name()));
    Timeouts.from(settings, names);
    settings.getInt("agents.threads", 4);
    settings.string("agents.spark.master");
    io.strandsetl.agents.llm.LlmSettings.from(settings);
    java.util.Set<String> unknown = settings.unknownKeys("agents.");
    if (!unknown.isEmpty()) {
      throw new io.strandsetl.model.StrandsException(
          io.strandsetl.model.ErrorCode.INVALID_CONFIG,
          "Invalid configuration keys: "
              + unknown
              + " (no agent reads them; docs/configuration.md lists the agents.* keys)");
    }
  }

  /** The team over a store the caller owns (tests, the server) and a given pipeline executor. */
  public static AgentTeam of(
      Settings settings, TrackingStore store, Clock clock, Supervisor.PipelineExecutor executor) {
    return new AgentTeam(settings, clock, () -> store, false, executor);
  }

  public Settings settings() {
    return settings;
  }

  public Clock clock() {
    return clock;
  }

  public EventBus events() {
    return events;
  }

  public ToolRegistry registry() {
    return registry;
  }

  public LearningAgent learning() {
    return learning;
  }

  public DecisionAgent decision() {
    return decision;
  }

  public OptimizationAgent optimization() {
    return optimization;
  }

  /** The tracking store, opened on first call. */
  public synchronized TrackingStore store() {
    if (store == null) {
      store = opener.get();
    }
    return store;
  }

  /** One line: where runs are recorded. */
  public String storeLocation() {
    return ownsStore ? TrackingStores.location(settings) : "the given store";
  }

  /** The agents' policies for the parallel phase of a run, in flow order. */
  public List<RunParticipant> participants() {
    return participants;
  }

  /** A Supervisor over this team's participants and executor. */
  public Supervisor supervisor() {
    return new Supervisor(this, participants, executor);
  }

  /** A Supervisor with other participants (tests of the error policy). */
  public Supervisor supervisor(List<RunParticipant> others) {
    return new Supervisor(this, others, executor);
  }

  /** An invoker that records into {@code log}, with the configured timeouts. */
  public AgentInvoker invoker(InvocationLog log) {
    List<String> names = new ArrayList<>();
    registry.agents().forEach(a -> names.add(a.name()));
    Map<String, Duration> timeouts = Timeouts.from(settings, names);
    int threads = Math.max(4, settings.getInt("agents.threads", 4));
    return new AgentInvoker(registry, log, clock, timeouts, Timeouts.DEFAULT, threads);
  }

  @Override
  public synchronized void close() {
    if (store != null && ownsStore) {
      store.close();
    }
    store = null;
  }
}
