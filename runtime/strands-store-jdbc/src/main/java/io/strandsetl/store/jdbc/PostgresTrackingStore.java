package io.strandsetl.store.jdbc;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.config.Secret;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The {@link io.strandsetl.model.store.TrackingStore} on a PostgreSQL server, for teams: the same
 * tables and SQL as SQLite (schema by Flyway migrations {@code db/strands/postgres}). Writers of
 * every process take one transaction-scoped advisory lock, so the issue registry and the audit head
 * are read and written by one writer at a time and concurrent writers lose nothing.
 *
 * <p>The password is a {@link Secret}: it goes to the driver only and is removed from every message
 * this class produces (also when it appears in a URL parameter).
 */
public final class PostgresTrackingStore extends JdbcTrackingStore {
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

  private final Secret password;

  private PostgresTrackingStore(
      String where, Connection connection, Secret password, StoreOptions options) {
    super(where, connection, Dialect.POSTGRES, options);
    this.password = password;
  }

  /**
   * Connects, creates or migrates the schema, and opens the store.
   *
   * @param jdbcUrl e.g. {@code jdbc:postgresql://db.example.com:5432/strands}
   * @param user database user; null to take it from the URL
   * @param password the user's password; null for none
   */
  public static PostgresTrackingStore open(
      String jdbcUrl, String user, Secret password, StoreOptions options) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    String where = redactUrl(jdbcUrl);
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid store.postgres.jdbc-url: "
              + where
              + " (expected jdbc:postgresql://HOST:PORT/DATABASE)");
    }
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password.reveal());
    }
    DataSource dataSource = new Source(jdbcUrl, properties);
    try {
      migrate(dataSource, Dialect.POSTGRES, where);
    } catch (StrandsException e) {
      throw new StrandsException(e.code(), redact(e.getMessage(), password), null);
    }
    try {
      Connection connection = dataSource.getConnection();
      return new PostgresTrackingStore(where, connection, password, options);
    } catch (SQLException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR,
          "Cannot open tracking store " + where + " (" + redact(e.getMessage(), password) + ")");
    }
  }

  @Override
  String redact(String message) {
    return redact(message, password);
  }

  /** The URL with any {@code password=} parameter value replaced by stars. */
  static String redactUrl(String jdbcUrl) {
    return URL_PASSWORD.matcher(jdbcUrl).replaceAll("$1******");
  }

  private static String redact(String message, Secret password) {
    if (message == null) {
      return "";
    }
    String clean = redactUrl(message);
    if (password != null && !password.isEmpty()) {
      clean = clean.replace(password.reveal(), "******");
    }
    return clean;
  }

  /**
   * A minimal {@link DataSource} over {@link DriverManager}, so Flyway and the store connect the
   * same way without a pool (the store keeps one connection).
   */
  private static final class Source implements DataSource {
    private final String url;
    private final Properties properties;

    Source(String url, Properties properties) {
      this.url = url;
      this.properties = properties;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url, properties);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      Properties explicit = new Properties();
      explicit.putAll(properties);
      explicit.setProperty("user", username);
      explicit.setProperty("password", password);
      return DriverManager.getConnection(url, explicit);
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }

    @Override
    public String toString() {
      return "DataSource(" + redactUrl(url) + ")";
    }
  }
}
