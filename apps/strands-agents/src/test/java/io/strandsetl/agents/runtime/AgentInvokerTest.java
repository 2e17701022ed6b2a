package io.strandsetl.agents.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.strandsetl.agents.schema.Description;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.store.AgentInvocation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AgentInvokerTest {
  record AddInput(int a, int b, @Description(value = "who asks", sensitive = true) String user) {}

  record Sum(int sum) {}

  record Empty() {}

  private final CountDownLatch release = new CountDownLatch(1);

  private final Agent calculator =
      new Agent() {
        @Override
        public String name() {
          return "calc";
        }

        @Override
        public String purpose() {
          return "adds";
        }

        @Override
        public List<Tool<?, ?>> tools() {
          return List.of(
              Tool.of(
                  "add",
                  "adds two numbers",
                  AddInput.class,
                  Sum.class,
                  in -> new Sum(in.a() + in.b())),
              Tool.of(
                  "fail",
                  "always fails",
                  Empty.class,
                  Sum.class,
                  in -> {
                    throw new StrandsException(ErrorCode.INVALID_ARGUMENT, "Invalid x: 1 (why)");
                  }),
              Tool.of(
                  "wait",
                  "waits for the test to release it",
                  Empty.class,
                  Sum.class,
                  in -> {
                    try {
                      release.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    return new Sum(0);
                  }));
        }
      };

  private final InvocationLog log = new InvocationLog("exec-1");
  private final AgentInvoker invoker =
      new AgentInvoker(
          ToolRegistry.of(List.of(calculator)),
          log,
          Clock.systemUTC(),
          Map.of("calc", Duration.ofMillis(200)),
          Duration.ofSeconds(5),
          2);

  @AfterEach
  void close() {
    release.countDown();
    invoker.close();
  }

  @Test
  void callsAToolFromJsonAndRecordsTheInvocationWithoutSensitiveValues() {
    JsonNode out =
        invoker.callJson(
            "calc",
            "add",
            Json.mapper().createObjectNode().put("a", 2).put("b", 3).put("user", "ann@x.io"));

    assertThat(out.path("sum").asInt()).isEqualTo(5);
    List<AgentInvocation> calls = log.invocations();
    assertThat(calls).hasSize(1);
    AgentInvocation call = calls.get(0);
    assertThat(call.agent()).isEqualTo("calc");
    assertThat(call.tool()).isEqualTo("add");
    assertThat(call.success()).isTrue();
    assertThat(call.executionId()).isEqualTo("exec-1");
    assertThat(call.inputSummary()).contains("\"a\":2").contains("***").doesNotContain("ann@x.io");
    assertThat(call.outputSummary()).contains("\"sum\":5");
    assertThat(call.tokensIn()).isZero();
  }

  @Test
  void recordsAFailedCallWithItsError() {
    assertThatThrownBy(() -> invoker.call("calc", "fail", new Empty(), Sum.class))
        .hasMessage("Invalid x: 1 (why)");

    AgentInvocation call = log.invocations().get(0);
    assertThat(call.success()).isFalse();
    assertThat(call.error()).isEqualTo("Invalid x: 1 (why)");
  }

  @Test
  void namesTheKnownAgentsToolsAndFieldsOnBadCalls() {
    assertThatThrownBy(() -> invoker.callJson("calculator", "add", null))
        .hasMessage("Invalid agent: 'calculator' (known: [calc])");
    assertThatThrownBy(() -> invoker.callJson("calc", "sub", null))
        .hasMessage("Invalid tool: 'sub' of agent calc (known: [add, fail, wait])");
    assertThatThrownBy(
            () -> invoker.callJson("calc", "add", Json.mapper().createObjectNode().put("c", 1)))
        .hasMessage("Invalid input of calc.add: unknown field 'c' (known: [a, b, user])");
  }

  @Test
  void stopsWaitingForAnAgentAtItsTimeout() {
    assertThatThrownBy(
            () ->
                invoker.withTimeout(
                    "calc", () -> invoker.call("calc", "wait", new Empty(), Sum.class)))
        .isInstanceOf(AgentTimeoutException.class)
        .hasMessage("Cannot finish agent calc: timed out after 200 ms (raise agents.calc.timeout)");
  }

  @Test
  void runsTasksInParallelAndReportsEachOutcome() {
    Map<String, AgentInvoker.Outcome<String>> outcomes =
        invoker.runParallel(
            new java.util.LinkedHashMap<>(
                Map.of(
                    "calc",
                    () -> {
                      release.await();
                      return "late";
                    },
                    "other",
                    () -> "fine")));

    assertThat(outcomes.get("calc").failure()).isInstanceOf(AgentTimeoutException.class);
    assertThat(outcomes.get("other").value()).isEqualTo("fine");
  }

  @Test
  void parsesTimeoutsInSeveralNotations() {
    assertThat(Timeouts.parse("k", "30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Timeouts.parse("k", "2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Timeouts.parse("k", "250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Timeouts.parse("k", "PT1M")).isEqualTo(Duration.ofMinutes(1));
    assertThatThrownBy(() -> Timeouts.parse("agents.cost.timeout", "soon"))
        .hasMessage(
            "Invalid agents.cost.timeout: 'soon' (expected a positive duration such as 30s, 2m, PT1M)");
  }

  @Test
  void eventBusDeliversInOrderAndSurvivesAFailingSubscriber() {
    EventBus bus = new EventBus();
    List<String> seen = new java.util.ArrayList<>();
    bus.subscribe(
        RunEvent.class,
        e -> {
          throw new IllegalStateException("boom");
        });
    bus.subscribe(RunEvent.RunFinished.class, e -> seen.add(e.status()));
    bus.publish(new RunEvent.RunStarted("x", java.time.Instant.EPOCH, "job"));
    bus.publish(new RunEvent.RunFinished("x", java.time.Instant.EPOCH, "FAILED", "oops"));

    assertThat(seen).containsExactly("FAILED");
    assertThat(bus.history()).hasSize(2);
  }
}
