package io.strandsetl.testkit.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for tests, one per JVM, and a fresh empty database per call of {@link
 * #newDatabase()}.
 *
 * <ol>
 *   <li>When {@code STRANDS_TEST_POSTGRES_URL} is set (with {@code STRANDS_TEST_POSTGRES_USER} and
 *       {@code STRANDS_TEST_POSTGRES_PASSWORD}), that server is used; its user needs CREATEDB.
 *   <li>Else a throwaway cluster is started from the installed binaries ({@code
 *       STRANDS_TEST_POSTGRES_BIN}, else the newest {@code /usr/lib/postgresql/N/bin} of Debian's
 *       packages): {@code initdb} with a random password, {@code pg_ctl start} on a free port of
 *       127.0.0.1, in a temporary directory, stopped and deleted when the JVM exits. PostgreSQL
 *       refuses to run as root, so under uid 0 both run as the {@code postgres} OS user through
 *       {@code runuser}.
 *   <li>Without binaries the calling test is skipped, saying why.
 * </ol>
 *
 * <p>The throwaway cluster runs with {@code fsync=off} unless {@link #DURABLE_PROPERTY} is set:
 * tests kill client processes, never the server or the machine, so durability on power loss is not
 * what they check.
 */
public final class TestPostgres {
  /** Where a test connects: a JDBC URL, a user and its password. */
  public record Server(String jdbcUrl, String user, String password) {
    @Override
    public String toString() {
      return "Server[" + jdbcUrl + ", user=" + user + "]"; // never the password
    }
  }

  /**
   * System property: when {@code true}, the throwaway cluster keeps PostgreSQL's durable defaults
   * (fsync, synchronous commit), as benchmarks need.
   */
  public static final String DURABLE_PROPERTY = "strands.test.postgres.durable";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static Server server;
  private static String unavailable;

  private TestPostgres() {}

  /**
   * A new, empty database on the test server, created for the caller.
   *
   * @throws org.opentest4j.TestAbortedException (the test is skipped) when no server can be had
   */
  public static Server newDatabase() {
    Server admin = server();
    String name = "strands_t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection connection =
            DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create test database " + name + " on " + admin + ": " + e.getMessage(), e);
    }
    return new Server(withDatabase(admin.jdbcUrl(), name), admin.user(), admin.password());
  }

  /** The server (started on first use), or the calling test is skipped with the reason. */
  public static synchronized Server server() {
    if (server == null && unavailable == null) {
      try {
        server = start();
      } catch (IOException | RuntimeException e) {
        unavailable = "Cannot start a test PostgreSQL: " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        unavailable = "Interrupted while starting a test PostgreSQL";
      }
    }
    Assumptions.assumeTrue(server != null, unavailable);
    return server;
  }

  private static Server start() throws IOException, InterruptedException {
    String url = System.getenv("STRANDS_TEST_POSTGRES_URL");
    if (url != null && !url.isBlank()) {
      return new Server(
          url,
          System.getenv().getOrDefault("STRANDS_TEST_POSTGRES_USER", "postgres"),
          System.getenv().getOrDefault("STRANDS_TEST_POSTGRES_PASSWORD", ""));
    }
    Path bin =
        binaries()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no PostgreSQL binaries (install Debian's postgresql, or set"
                            + " STRANDS_TEST_POSTGRES_BIN or STRANDS_TEST_POSTGRES_URL)"));
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("strands-pg");
    Path data = dir.resolve("data");
    Path passwordFile = dir.resolve("password");
    String password = HexFormat.of().formatHex(randomBytes(16));
    Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
    if (root) {
      UserPrincipal postgres =
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(dir, postgres);
      Files.setOwner(passwordFile, postgres);
    }
    run(
        root,
        dir,
        bin.resolve("initdb").toString(),
        "-D",
        data.toString(),
        "-U",
        "postgres",
        "-A",
        "scram-sha-256",
        "--pwfile=" + passwordFile,
        "-E",
        "UTF8",
        "--no-sync");
    Files.delete(passwordFile);
    int port = freePort();
    run(
        root,
        dir,
        bin.resolve("pg_ctl").toString(),
        "-D",
        data.toString(),
        "-l",
        dir.resolve("server.log").toString(),
        "-w",
        "-o",
        "-p "
            + port
            + " -k "
            + dir
            + " -c listen_addresses=127.0.0.1 -c max_connections=50"
            + (Boolean.getBoolean(DURABLE_PROPERTY)
                ? ""
                : " -c fsync=off -c full_page_writes=off -c synchronous_commit=off"),
        "start");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    run(
                        root,
                        dir,
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        data.toString(),
                        "-m",
                        "immediate",
                        "-w",
                        "stop");
                  } catch (IOException | InterruptedException | RuntimeException e) {
                    // The JVM is exiting; a cluster left running is visible in its log.
                  }
                  deleteTree(dir);
                }));
    return new Server("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
  }

  /** STRANDS_TEST_POSTGRES_BIN, else the newest /usr/lib/postgresql/N/bin with initdb. */
  static Optional<Path> binaries() throws IOException {
    String explicit = System.getenv("STRANDS_TEST_POSTGRES_BIN");
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(Path.of(explicit)).filter(p -> Files.isExecutable(p.resolve("initdb")));
    }
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .filter(v -> v.getFileName().toString().matches("\\d+"))
          .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")));
    }
  }

  private static void run(boolean root, Path dir, String... command)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (root) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    Path output = Files.createTempFile("strands-pg-cmd", ".log");
    try {
      Process process =
          new ProcessBuilder(full)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command)
                + " exited "
                + process.exitValue()
                + ": "
                + Files.readString(output).strip());
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The URL with its database replaced by {@code database} (parameters kept). */
  static String withDatabase(String jdbcUrl, String database) {
    int hostStart = jdbcUrl.indexOf("//");
    int pathStart = jdbcUrl.indexOf('/', hostStart + 2);
    int query = jdbcUrl.indexOf('?');
    String tail = query < 0 ? "" : jdbcUrl.substring(query);
    String head =
        pathStart < 0
            ? (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query))
            : jdbcUrl.substring(0, pathStart);
    return head + "/" + database + tail;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort at JVM exit.
    }
  }
}
