package io.strandsetl.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Secret;
import io.strandsetl.model.config.Settings;
import io.strandsetl.model.store.CostTrend;
import io.strandsetl.model.store.ExecutionQuery;
import io.strandsetl.model.store.Period;
import io.strandsetl.model.store.TrackingStore;
import io.strandsetl.model.store.TrackingStoreFactory;
import io.strandsetl.testkit.store.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a server store must do beyond the contract: processes, kills, secrets, the factory. */
class PostgresTrackingStoreServerTest {
  private static final LocalDate DAY = LocalDate.parse("2026-03-10");

  @TempDir Path dir;

  @Test
  void factoryOpensByStoreTypeAndNeverShowsThePassword() {
    TestPostgres.Server db = TestPostgres.newDatabase();
    Settings settings =
        Settings.of(
            Map.of(
                "store.type", "postgres",
                "store.postgres.jdbc-url", db.jdbcUrl(),
                "store.postgres.user", db.user(),
                "store.postgres.password", db.password(),
                "store.retention.auto-purge", "false"));
    TrackingStoreFactory factory =
        TrackingStoreFactory.named("postgres", getClass().getClassLoader());
    try (TrackingStore store = factory.create(settings)) {
      assertThat(store).isInstanceOf(PostgresTrackingStore.class);
      assertThat(store.schemaVersion()).isEqualTo("5");
      assertThat(((PostgresTrackingStore) store).where()).isEqualTo(db.jdbcUrl());
    }
    assertThat(factory.toString()).doesNotContain(db.password());
    assertThat(settings.secret("store.postgres.password").orElseThrow().toString())
        .isEqualTo("******");

    // A wrong password: the error names the server, not the password that was tried.
    String wrong = "not-" + db.password();
    assertThatThrownBy(
            () -> PostgresTrackingStore.open(db.jdbcUrl(), db.user(), Secret.of(wrong), options()))
        .isInstanceOf(StrandsException.class)
        .hasMessageStartingWith("Cannot migrate tracking store schema: " + db.jdbcUrl())
        .hasMessageNotContaining(wrong)
        .hasNoCause();
    // A password given in the URL is starred in every message.
    String urlWithPassword = db.jdbcUrl() + "?password=" + wrong;
    assertThatThrownBy(
            () -> PostgresTrackingStore.open(urlWithPassword, db.user(), null, options()))
        .hasMessageContaining("?password=******")
        .hasMessageNotContaining(wrong);
  }

  @Test
  void missingUrlIsOneLineNamingTheKey() {
    assertThatThrownBy(
            () ->
                TrackingStoreFactory.named("postgres", getClass().getClassLoader())
                    .create(Settings.empty()))
        .hasMessage(
            "Invalid store.postgres.jdbc-url: missing (set it to"
                + " jdbc:postgresql://HOST:PORT/DATABASE for store.type=postgres)");
  }

  @Test
  void twoProcessesWritingAtTheSameTimeLoseNothing() throws Exception {
    TestPostgres.Server db = TestPostgres.newDatabase();
    open(db).close(); // schema first
    int runsEach = 150;
    Process first = writer(db, "a", runsEach, "wait");
    Process second = writer(db, "b", runsEach, "wait");
    BufferedReader firstReader = reader(first);
    BufferedReader secondReader = reader(second);
    assertThat(firstReader.readLine()).isEqualTo("ready");
    assertThat(secondReader.readLine()).isEqualTo("ready");
    for (Process process : List.of(first, second)) {
      process.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().flush();
    }
    assertThat(readAll(firstReader)).hasSize(runsEach);
    assertThat(readAll(secondReader)).hasSize(runsEach);
    assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).isZero();
    assertThat(second.exitValue()).isZero();

    try (PostgresTrackingStore store = open(db)) {
      assertThat(store.listExecutions(ExecutionQuery.all().withLimit(10_000)))
          .hasSize(2 * runsEach);
      assertThat(store.costTrends(Period.DAY, CostTrend.ALL_JOBS, DAY, DAY).get(0).runs())
          .isEqualTo(2 * runsEach);
      assertThat(store.auditTrail()).hasSize(2 * runsEach);
      assertThat(store.verifyAudit().intact()).isTrue();
    }
  }

  @Test
  void aWriterKilledMidRunLeavesAConsistentStore() throws Exception {
    TestPostgres.Server db = TestPostgres.newDatabase();
    open(db).close();
    Process writer = writer(db, "k", 0);
    BufferedReader out = reader(writer);
    for (int i = 0; i < 40; i++) {
      assertThat(out.readLine()).as("writer output").startsWith("recorded ");
    }
    writer.destroyForcibly(); // SIGKILL
    assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();

    try (PostgresTrackingStore store = open(db)) {
      int executions = store.listExecutions(ExecutionQuery.all().withLimit(1_000_000)).size();
      assertThat(executions).isGreaterThanOrEqualTo(40);
      assertThat(store.costTrends(Period.DAY, CostTrend.ALL_JOBS, DAY, DAY).get(0).runs())
          .isEqualTo(executions);
      assertThat(store.rowCounts().get("run_rollups")).isEqualTo(1L);
      assertThat(store.auditTrail()).hasSize(executions);
      assertThat(store.verifyAudit().intact()).isTrue();
    }
  }

  private static StoreOptions options() {
    return StoreOptions.defaults().withAutoPurge(false);
  }

  private static PostgresTrackingStore open(TestPostgres.Server db) {
    return PostgresTrackingStore.open(db.jdbcUrl(), db.user(), Secret.of(db.password()), options());
  }

  private Process writer(TestPostgres.Server db, String prefix, int runs, String... options)
      throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WriterProcess.class.getName(),
                db.jdbcUrl(),
                prefix,
                Integer.toString(runs)));
    command.addAll(List.of(options));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(dir.resolve(prefix + "-writer.log").toFile());
    builder.environment().put("STRANDS_WRITER_PG_USER", db.user());
    builder.environment().put("STRANDS_WRITER_PG_PASSWORD", db.password());
    return builder.start();
  }

  private static BufferedReader reader(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  private static List<String> readAll(BufferedReader reader) throws Exception {
    List<String> lines = new ArrayList<>();
    try (reader) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
