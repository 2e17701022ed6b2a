package io.strandsetl.notify.outbox;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.notify.EmailMessage;
import io.strandsetl.notify.EmailSender;
import io.strandsetl.notify.SendResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * A persistent outbox in one SQLite file: every message is stored before it is sent, and stays
 * until a sender accepted it (SENT) or it is given up (FAILED).
 *
 * <p>Why SQLite rather than a directory of files: a claim ("I am sending this one now"), the
 * attempt count and the next attempt time must change together, and two processes (a run and {@code
 * strands notify drain}) may drain at once. One {@code BEGIN IMMEDIATE} transaction does that; with
 * files it would take a rename protocol per state plus a lock file. The driver is already on the
 * project's class path for the tracking store.
 *
 * <p>Delivery protocol for one message: (1) claim it in a transaction — PENDING and due, or SENDING
 * with an expired lease — setting SENDING, attempts + 1 and a lease; (2) hand it to the sender
 * outside the transaction; (3) right after the sender's answer, in one statement, mark it SENT, or
 * PENDING with the next attempt time ({@link RetryPolicy}), or FAILED. A message is therefore sent
 * at most once while processes behave; the one window for a duplicate is a crash between the
 * server's acceptance and step 3: the lease then expires and the message is sent again with the
 * same Message-ID, so receivers and tests can recognise the copy (at-least-once in that case).
 *
 * <p>Submitting a message whose Message-ID is already stored does not store or send it again.
 */
public final class Outbox implements AutoCloseable {
  private static final int SCHEMA_VERSION = 1;
  private static final String COLUMNS =
      "message_id, from_address, recipients, subject, text_body, html_body, created_at_us,"
          + " run_directory, status, attempts, next_attempt_at_us, lease_until_us, sent_at_us,"
          + " provider_id, last_error";

  private final Connection connection;
  private final EmailSender sender;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Path file;

  private Outbox(
      Connection connection, Path file, EmailSender sender, RetryPolicy policy, Clock clock) {
    this.connection = connection;
    this.file = file;
    this.sender = sender;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Opens (creating when absent) the outbox file.
   *
   * @param clock the time used for attempts, backoff and {@code sentAt}; injected for tests
   */
  public static Outbox open(Path file, EmailSender sender, RetryPolicy policy, Clock clock) {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(clock, "clock");
    Path absolute = file.toAbsolutePath();
    try {
      if (absolute.getParent() != null) {
        Files.createDirectories(absolute.getParent());
      }
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR,
          "Cannot create the directory of the outbox " + absolute + ": " + e.getMessage(),
          e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL: a message the caller was told is stored survives a power cut.
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(30_000);
    try {
      Connection connection =
          DriverManager.getConnection("jdbc:sqlite:" + absolute, config.toProperties());
      migrate(connection, absolute);
      return new Outbox(connection, absolute, sender, policy, clock);
    } catch (SQLException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot open the outbox " + absolute + ": " + e.getMessage(), e);
    }
  }

  private static void migrate(Connection connection, Path file) throws SQLException {
    try (Statement st = connection.createStatement()) {
      int version;
      try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      if (version > SCHEMA_VERSION) {
        throw new StrandsException(
            ErrorCode.INVALID_CONFIG,
            "Cannot open the outbox "
                + file
                + ": schema version "
                + version
                + " is newer than this Strands ("
                + SCHEMA_VERSION
                + ")");
      }
      st.execute(
          "CREATE TABLE IF NOT EXISTS outbox_message ("
              + " message_id TEXT PRIMARY KEY,"
              + " from_address TEXT NOT NULL,"
              + " recipients TEXT NOT NULL," // newline-separated, sending order
              + " subject TEXT NOT NULL,"
              + " text_body TEXT NOT NULL,"
              + " html_body TEXT NOT NULL,"
              + " created_at_us INTEGER NOT NULL," // epoch microseconds, UTC
              + " run_directory TEXT,"
              + " status TEXT NOT NULL CHECK (status IN ('PENDING','SENDING','SENT','FAILED')),"
              + " attempts INTEGER NOT NULL DEFAULT 0,"
              + " next_attempt_at_us INTEGER,"
              + " lease_until_us INTEGER,"
              + " sent_at_us INTEGER,"
              + " provider_id TEXT,"
              + " last_error TEXT NOT NULL DEFAULT '')");
      st.execute(
          "CREATE INDEX IF NOT EXISTS outbox_due ON outbox_message (status, next_attempt_at_us)");
      st.execute("PRAGMA user_version = " + SCHEMA_VERSION);
    }
  }

  /** The file this outbox lives in. */
  public Path file() {
    return file;
  }

  /**
   * Stores the message (unless its Message-ID is already stored) and tries it once now when it is
   * due. The returned delivery says whether it was sent; a server that is down leaves it PENDING.
   */
  public synchronized Delivery submit(EmailMessage message) {
    enqueue(message);
    attempt(message.messageId());
    return find(message.messageId()).orElseThrow();
  }

  /** Stores the message without sending it; idempotent by Message-ID. */
  public synchronized Delivery enqueue(EmailMessage message) {
    long now = micros(clock.instant());
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT OR IGNORE INTO outbox_message ("
                + "message_id, from_address, recipients, subject, text_body, html_body,"
                + " created_at_us, run_directory, status, attempts, next_attempt_at_us)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)")) {
      ps.setString(1, message.messageId());
      ps.setString(2, message.from());
      ps.setString(3, String.join("\n", message.to()));
      ps.setString(4, message.subject());
      ps.setString(5, message.text());
      ps.setString(6, message.html());
      ps.setLong(7, micros(message.createdAt()));
      if (message.runDirectory() == null) {
        ps.setNull(8, Types.VARCHAR);
      } else {
        ps.setString(8, message.runDirectory().toString());
      }
      ps.setLong(9, now);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("store message " + message.messageId(), e);
    }
    return find(message.messageId()).orElseThrow();
  }

  /**
   * Tries every message that is due now (PENDING past its next attempt time, or SENDING past its
   * lease), oldest first. Messages that are not due yet are left alone.
   *
   * @return the deliveries that were attempted, after the attempt
   */
  public synchronized List<Delivery> drain() {
    long now = micros(clock.instant());
    List<String> due = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT message_id FROM outbox_message WHERE (status = 'PENDING' AND"
                + " next_attempt_at_us <= ?) OR (status = 'SENDING' AND lease_until_us <= ?)"
                + " ORDER BY created_at_us, message_id")) {
      ps.setLong(1, now);
      ps.setLong(2, now);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          due.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw failure("list due messages", e);
    }
    List<Delivery> attempted = new ArrayList<>();
    for (String id : due) {
      if (attempt(id)) {
        attempted.add(find(id).orElseThrow());
      }
    }
    return attempted;
  }

  /**
   * Deletes SENT and FAILED messages created before {@code cutoff}; PENDING and SENDING ones are
   * never deleted.
   *
   * @return the number of messages deleted
   */
  public synchronized int purge(Instant cutoff) {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "DELETE FROM outbox_message WHERE status IN ('SENT', 'FAILED') AND created_at_us < ?")) {
      ps.setLong(1, micros(cutoff));
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("purge old messages", e);
    }
  }

  public synchronized Optional<Delivery> find(String messageId) {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM outbox_message WHERE message_id = ?")) {
      ps.setString(1, messageId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(delivery(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read message " + messageId, e);
    }
  }

  /** Messages in {@code status}, oldest first. */
  public synchronized List<Delivery> list(DeliveryStatus status) {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM outbox_message WHERE status = ? ORDER BY created_at_us, message_id")) {
      ps.setString(1, status.name());
      List<Delivery> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(delivery(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("list messages", e);
    }
  }

  /** One attempt of one message, if it can be claimed; false when it was not due or not ours. */
  private boolean attempt(String messageId) {
    Optional<EmailMessage> claimed = claim(messageId);
    if (claimed.isEmpty()) {
      return false;
    }
    SendResult result;
    try {
      result = sender.send(claimed.get());
    } catch (RuntimeException e) {
      // A sender bug must not lose the message: it is retried like a server that is down.
      result = new SendResult.Rejected(e.getClass().getSimpleName() + ": " + e.getMessage(), false);
    }
    record(messageId, result);
    return true;
  }

  private Optional<EmailMessage> claim(String messageId) {
    long now = micros(clock.instant());
    try {
      begin();
      try {
        EmailMessage message = null;
        try (PreparedStatement ps =
            connection.prepareStatement(
                "UPDATE outbox_message SET status = 'SENDING', attempts = attempts + 1,"
                    + " lease_until_us = ?, next_attempt_at_us = NULL WHERE message_id = ? AND"
                    + " ((status = 'PENDING' AND next_attempt_at_us <= ?) OR (status = 'SENDING'"
                    + " AND lease_until_us <= ?))")) {
          ps.setLong(1, now + policy.lease().toNanos() / 1000);
          ps.setString(2, messageId);
          ps.setLong(3, now);
          ps.setLong(4, now);
          if (ps.executeUpdate() == 1) {
            message = message(messageId);
          }
        }
        commit();
        return Optional.ofNullable(message);
      } catch (SQLException | RuntimeException e) {
        rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure("claim message " + messageId, e);
    }
  }

  private EmailMessage message(String messageId) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT from_address, recipients, subject, text_body, html_body, created_at_us,"
                + " run_directory FROM outbox_message WHERE message_id = ?")) {
      ps.setString(1, messageId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        String dir = rs.getString(7);
        return new EmailMessage(
            messageId,
            rs.getString(1),
            Arrays.asList(rs.getString(2).split("\n")),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            instant(rs.getLong(6)),
            dir == null ? null : Path.of(dir));
      }
    }
  }

  private void record(String messageId, SendResult result) {
    long now = micros(clock.instant());
    // Only our own claim is updated: if the lease ran out and another drain took the message
    // over, that drain's outcome stands.
    try {
      if (result instanceof SendResult.Accepted accepted) {
        try (PreparedStatement ps =
            connection.prepareStatement(
                "UPDATE outbox_message SET status = 'SENT', sent_at_us = ?, provider_id = ?,"
                    + " lease_until_us = NULL, last_error = '' WHERE message_id = ? AND status ="
                    + " 'SENDING'")) {
          ps.setLong(1, now);
          ps.setString(2, accepted.providerId());
          ps.setString(3, messageId);
          ps.executeUpdate();
        }
        return;
      }
      SendResult.Rejected rejected = (SendResult.Rejected) result;
      int attempts = find(messageId).map(Delivery::attempts).orElse(1);
      boolean giveUp = rejected.permanent() || attempts >= policy.maxAttempts();
      String error = oneLine(rejected.reason());
      if (giveUp) {
        try (PreparedStatement ps =
            connection.prepareStatement(
                "UPDATE outbox_message SET status = 'FAILED', lease_until_us = NULL,"
                    + " last_error = ? WHERE message_id = ? AND status = 'SENDING'")) {
          ps.setString(
              1,
              (rejected.permanent() ? "permanent: " : "gave up after " + attempts + " attempts: ")
                  + error);
          ps.setString(2, messageId);
          ps.executeUpdate();
        }
      } else {
        long next = now + policy.delayAfter(attempts).toNanos() / 1000;
        try (PreparedStatement ps =
            connection.prepareStatement(
                "UPDATE outbox_message SET status = 'PENDING', lease_until_us = NULL,"
                    + " next_attempt_at_us = ?, last_error = ? WHERE message_id = ? AND status ="
                    + " 'SENDING'")) {
          ps.setLong(1, next);
          ps.setString(2, error);
          ps.setString(3, messageId);
          ps.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw failure("record the attempt of " + messageId, e);
    }
  }

  private static Delivery delivery(ResultSet rs) throws SQLException {
    DeliveryStatus status = DeliveryStatus.valueOf(rs.getString("status"));
    long sentAt = rs.getLong("sent_at_us");
    boolean sentNull = rs.wasNull();
    long next = rs.getLong("next_attempt_at_us");
    boolean nextNull = rs.wasNull();
    return new Delivery(
        rs.getString("message_id"),
        rs.getString("subject"),
        status,
        Arrays.asList(rs.getString("recipients").split("\n")),
        rs.getInt("attempts"),
        sentNull ? null : instant(sentAt),
        nextNull || status != DeliveryStatus.PENDING ? null : instant(next),
        rs.getString("last_error"));
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= 500 ? line : line.substring(0, 499) + "…";
  }

  private void begin() throws SQLException {
    try (Statement st = connection.createStatement()) {
      // IMMEDIATE takes the write lock now, so two drains cannot both claim the same message.
      st.execute("BEGIN IMMEDIATE");
    }
  }

  private void commit() throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("COMMIT");
    }
  }

  private void rollback() {
    try (Statement st = connection.createStatement()) {
      st.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // Nothing left to undo: the transaction was not started or already ended.
    }
  }

  private static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  private static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  private StrandsException failure(String what, SQLException e) {
    return new StrandsException(
        ErrorCode.IO_ERROR, "Cannot " + what + " in the outbox " + file + ": " + e.getMessage(), e);
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }
}
