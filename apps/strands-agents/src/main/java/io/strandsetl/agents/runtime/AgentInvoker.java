package io.strandsetl.agents.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.store.AgentInvocation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls tools: validates JSON input against the tool's record, records every call as an {@link
 * AgentInvocation} (agent, tool, duration, outcome, tokens and their cost) in the {@link
 * InvocationLog}, and bounds an agent's work by its timeout.
 *
 * <p>Threads: a bounded pool (Java 17 has no virtual threads) of {@code threads} daemon threads and
 * a queue of 64; {@link #withTimeout} runs work there, tool calls inside it run on the caller's
 * thread (so a policy that calls tools cannot deadlock the pool). A timed-out task is interrupted;
 * work that ignores interrupts (a Spark job) may finish in the background, its result is dropped.
 */
public final class AgentInvoker implements AutoCloseable {
  private static final int SUMMARY_CHARS = 240;

  private final ToolRegistry registry;
  private final InvocationLog log;
  private final Clock clock;
  private final Map<String, Duration> timeouts;
  private final Duration defaultTimeout;
  private final ThreadPoolExecutor pool;

  /**
   * @param timeouts per-agent timeouts by agent name; others get {@code defaultTimeout}
   * @param threads pool size, >= 1
   */
  public AgentInvoker(
      ToolRegistry registry,
      InvocationLog log,
      Clock clock,
      Map<String, Duration> timeouts,
      Duration defaultTimeout,
      int threads) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.log = Objects.requireNonNull(log, "log");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeouts = Map.copyOf(timeouts);
    this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64),
            r -> {
              Thread t = new Thread(r, "strands-agent-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
  }

  public ToolRegistry registry() {
    return registry;
  }

  public InvocationLog log() {
    return log;
  }

  public Duration timeoutOf(String agent) {
    return timeouts.getOrDefault(agent, defaultTimeout);
  }

  /** Calls a tool with a typed input on this thread and records the call. */
  public <O extends Record> O call(String agent, String tool, Record input, Class<O> output) {
    Tool<?, ?> t = registry.tool(agent, tool);
    return output.cast(invoke(agent, t, input));
  }

  /**
   * Calls a tool with a JSON input (the CLI, a language model, REST) and returns its JSON output.
   *
   * @throws StrandsException INVALID_ARGUMENT naming the field when the input does not match the
   *     tool's schema
   */
  public JsonNode callJson(String agent, String tool, JsonNode input) {
    Tool<?, ?> t = registry.tool(agent, tool);
    Record in = parseInput(agent, t, input);
    return Json.mapper().valueToTree(invoke(agent, t, in));
  }

  static Record parseInput(String agent, Tool<?, ?> t, JsonNode input) {
    JsonNode json = input == null || input.isNull() ? Json.mapper().createObjectNode() : input;
    try {
      return Json.mapper().treeToValue(json, t.inputType());
    } catch (UnrecognizedPropertyException e) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid input of "
              + agent
              + "."
              + t.name()
              + ": unknown field '"
              + e.getPropertyName()
              + "' (known: "
              + t.inputSchema().path("properties").propertyStream().map(Map.Entry::getKey).toList()
              + ")");
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid input of "
              + agent
              + "."
              + t.name()
              + ": "
              + firstLine(e.getMessage())
              + " (see `strands agents list` for its schema)");
    }
  }

  private Record invoke(String agent, Tool<?, ?> tool, Record input) {
    Instant at = clock.instant();
    long start = System.nanoTime();
    TokenMeter.start();
    Record out = null;
    RuntimeException failure = null;
    try {
      out = tool.apply(input);
      if (out == null) {
        throw new StrandsException(
            ErrorCode.INTERNAL_ERROR, "Cannot call " + agent + "." + tool.name() + ": no result");
      }
      return out;
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      TokenMeter.Usage usage = TokenMeter.stop();
      long ms = (System.nanoTime() - start) / 1_000_000;
      log.add(
          new AgentInvocation(
              UUID.randomUUID().toString(),
              log.executionId(),
              agent,
              tool.name(),
              at,
              Summaries.of(input, SUMMARY_CHARS),
              out == null ? "" : Summaries.of(out, SUMMARY_CHARS),
              ms,
              failure == null,
              failure == null ? "" : firstLine(String.valueOf(failure.getMessage())),
              usage.tokensIn(),
              usage.tokensOut(),
              usage.costUsd()));
    }
  }

  /** Records a call made outside a tool (e.g. the narrative of a language model). */
  public void record(
      String agent,
      String tool,
      Instant at,
      long durationMs,
      String error,
      long tokensIn,
      long tokensOut,
      double costUsd) {
    log.add(
        new AgentInvocation(
            UUID.randomUUID().toString(),
            log.executionId(),
            agent,
            tool,
            at,
            "",
            "",
            durationMs,
            error == null || error.isEmpty(),
            error,
            tokensIn,
            tokensOut,
            costUsd));
  }

  /**
   * Runs {@code work} on the pool and waits at most the agent's timeout.
   *
   * @throws AgentTimeoutException when the timeout passes (the work is interrupted)
   * @throws RuntimeException what the work threw
   */
  public <T> T withTimeout(String agent, Callable<T> work) {
    Duration timeout = timeoutOf(agent);
    Future<T> future = pool.submit(work);
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new AgentTimeoutException(agent, timeout);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new StrandsException(ErrorCode.INTERNAL_ERROR, "Cannot wait for agent " + agent, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new StrandsException(
          ErrorCode.INTERNAL_ERROR, "Cannot run agent " + agent + ": " + cause, cause);
    }
  }

  /**
   * Runs each task on the pool at the same time, each bounded by its agent's timeout counted from
   * submission. Returns, in the given order, each task's value or its failure (a timeout is an
   * {@link AgentTimeoutException}); never throws for a task's failure.
   */
  public <T> Map<String, Outcome<T>> runParallel(Map<String, Callable<T>> tasksByAgent) {
    long submitted = System.nanoTime();
    Map<String, Future<T>> futures = new java.util.LinkedHashMap<>();
    tasksByAgent.forEach((agent, task) -> futures.put(agent, pool.submit(task)));
    Map<String, Outcome<T>> outcomes = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Future<T>> e : futures.entrySet()) {
      String agent = e.getKey();
      Future<T> future = e.getValue();
      long leftMs = timeoutOf(agent).toMillis() - (System.nanoTime() - submitted) / 1_000_000;
      try {
        outcomes.put(agent, Outcome.of(future.get(Math.max(0, leftMs), TimeUnit.MILLISECONDS)));
      } catch (TimeoutException ex) {
        future.cancel(true);
        outcomes.put(agent, Outcome.failed(new AgentTimeoutException(agent, timeoutOf(agent))));
      } catch (InterruptedException ex) {
        future.cancel(true);
        Thread.currentThread().interrupt();
        outcomes.put(agent, Outcome.failed(ex));
      } catch (ExecutionException ex) {
        outcomes.put(agent, Outcome.failed(ex.getCause()));
      }
    }
    return outcomes;
  }

  /** A task's value, or why it has none. */
  public record Outcome<T>(T value, Throwable failure) {
    static <T> Outcome<T> of(T value) {
      return new Outcome<>(value, null);
    }

    static <T> Outcome<T> failed(Throwable failure) {
      return new Outcome<>(null, failure);
    }

    public boolean ok() {
      return failure == null;
    }
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
