package io.strandsetl.spark.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strandsetl.compliance.mask.MaskingMethod;
import io.strandsetl.model.store.AuditEntry;
import io.strandsetl.model.store.AuditEvent;
import io.strandsetl.model.store.TrackingStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of published outputs, kept as {@value #ACTION} events in the tamper-evident audit
 * trail (no table of its own): each run that publishes appends one event per output with {@link
 * ComplianceOutcome#auditEvents()}; erasure and retention look the outputs up here. The details are
 * one JSON object (path, format, options, columns, PII columns, masking, erasure key, retention),
 * PII-free: names only.
 *
 * <p>The newest registration of a path wins (a later run may change its columns or masking).
 */
public final class OutputRegistry {
  /** The audit action of a registration. */
  public static final String ACTION = "output-registered";

  private static final ObjectMapper JSON = new ObjectMapper();

  private OutputRegistry() {}

  /** The audit event that registers {@code o}: subject {@code <job>/sink/<sink>}. */
  public static AuditEvent event(RegisteredOutput o, String actor) {
    ObjectNode n = JSON.createObjectNode();
    n.put("job", o.job());
    n.put("execution", o.executionId());
    n.put("sink", o.sink());
    n.put("path", o.path());
    n.put("format", o.format());
    n.set("options", JSON.valueToTree(o.options()));
    n.set("partitionBy", JSON.valueToTree(o.partitionBy()));
    n.set("columns", JSON.valueToTree(o.columns()));
    n.set("pii", JSON.valueToTree(o.pii()));
    ObjectNode masked = n.putObject("masked");
    o.masked().forEach((c, m) -> masked.put(c, m.id()));
    n.put("erasureKey", o.erasureKey());
    n.put("retention", o.retention() == null ? null : o.retention().toString());
    n.put("retentionColumn", o.retentionColumn());
    try {
      return new AuditEvent(
          o.registeredAt(),
          actor,
          ACTION,
          o.job() + "/sink/" + o.sink(),
          JSON.writeValueAsString(n));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a registration as JSON", e);
    }
  }

  /** Every registered output of {@code job} (null: of every job), newest registration per path. */
  public static List<RegisteredOutput> registered(TrackingStore store, String job) {
    return registered(store.auditTrail(), job);
  }

  /**
   * The outputs registered in {@code trail} for {@code job} (null: every job): the newest
   * registration of each path, sorted by job, then sink, then path. Entries that do not parse are
   * skipped (the trail is append-only: an old format must not stop an erasure).
   */
  public static List<RegisteredOutput> registered(List<AuditEntry> trail, String job) {
    Map<String, RegisteredOutput> byPath = new LinkedHashMap<>();
    for (AuditEntry e : trail) {
      if (!ACTION.equals(e.event().action())) {
        continue;
      }
      RegisteredOutput o = parse(e.event());
      if (o == null || (job != null && !job.equals(o.job()))) {
        continue;
      }
      RegisteredOutput old = byPath.get(o.path());
      if (old == null || !o.registeredAt().isBefore(old.registeredAt())) {
        byPath.put(o.path(), o);
      }
    }
    List<RegisteredOutput> all = new ArrayList<>(byPath.values());
    all.sort(
        Comparator.comparing(RegisteredOutput::job)
            .thenComparing(RegisteredOutput::sink)
            .thenComparing(RegisteredOutput::path));
    return all;
  }

  static RegisteredOutput parse(AuditEvent e) {
    try {
      JsonNode n = JSON.readTree(e.details());
      Map<String, MaskingMethod> masked = new LinkedHashMap<>();
      n.path("masked")
          .fields()
          .forEachRemaining(
              f ->
                  masked.put(
                      f.getKey(),
                      MaskingMethod.parse("masked." + f.getKey(), f.getValue().asText())));
      return new RegisteredOutput(
          n.path("job").asText(),
          n.path("execution").asText(),
          n.path("sink").asText(),
          n.path("path").asText(),
          n.path("format").asText(),
          strings(n.path("options")),
          list(n.path("partitionBy")),
          list(n.path("columns")),
          strings(n.path("pii")),
          masked,
          text(n, "erasureKey"),
          text(n, "retention") == null ? null : Duration.parse(text(n, "retention")),
          text(n, "retentionColumn"),
          e.at());
    } catch (Exception ex) { // an unreadable registration is skipped, see registered()
      return null;
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> list(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static Map<String, String> strings(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    n.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
    return out;
  }
}
