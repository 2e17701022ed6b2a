package io.strandsetl.agents.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strandsetl.agents.supervisor.AgentTeam;
import io.strandsetl.engine.store.InMemoryTrackingStore;
import io.strandsetl.model.config.Settings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
  private static final List<String> ARCHITECTURE_TOOLS =
      List.of(
          "supervisor_run_pipeline",
          "supervisor_analyze_run",
          "supervisor_explain_run",
          "decision_recommend_platform",
          "decision_platform_statistics",
          "quality_profile_dataset",
          "quality_check_rules",
          "quality_quality_trend",
          "optimization_detect_issues",
          "optimization_recommend_config",
          "optimization_compare_runs",
          "learning_record_run",
          "learning_similar_runs",
          "learning_predict_run",
          "compliance_detect_pii",
          "compliance_check_gdpr",
          "compliance_check_hipaa",
          "compliance_mask_columns",
          "compliance_erase_subject",
          "compliance_generate_audit_report",
          "compliance_verify_audit_trail",
          "cost_calculate_cost",
          "cost_cost_trends",
          "cost_cost_anomalies",
          "cost_forecast_costs",
          "cost_recommend_cost_optimizations",
          "cost_budget_status");

  @Test
  void documentsEveryToolOfTheArchitectureWithResolvableSchemas() throws Exception {
    JsonNode doc;
    try (AgentTeam team =
        AgentTeam.of(Settings.empty(), new InMemoryTrackingStore(), null, (s, o) -> null)) {
      String text =
          new ObjectMapper().writeValueAsString(OpenApiDocument.of(team.registry(), "0.1.0"));
      doc = new ObjectMapper().readTree(text); // parse it back, as a client would
    }

    assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(doc.path("info").path("title").asText()).isNotBlank();
    Set<String> operationIds = new HashSet<>();
    List<String> refs = new ArrayList<>();
    doc.path("paths")
        .properties()
        .forEach(
            path -> {
              assertThat(path.getKey()).startsWith("/agents/");
              JsonNode post = path.getValue().path("post");
              assertThat(operationIds.add(post.path("operationId").asText()))
                  .as("operationId unique: " + post.path("operationId"))
                  .isTrue();
              assertThat(post.path("responses").has("200")).isTrue();
              collectRefs(post, refs);
            });
    assertThat(operationIds).containsAll(ARCHITECTURE_TOOLS);
    JsonNode schemas = doc.path("components").path("schemas");
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/components/schemas/");
      assertThat(schemas.has(ref.substring("#/components/schemas/".length())))
          .as("resolves " + ref)
          .isTrue();
    }
    JsonNode recommend = schemas.path("decision_recommend_platform_input").path("properties");
    assertThat(recommend.path("inputBytes").path("x-unit").asText()).isEqualTo("bytes");
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.has("$ref")) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }

  @Test
  void marksExactlyTheToolsThatWriteAsChangingState() throws Exception {
    JsonNode doc;
    try (AgentTeam team =
        AgentTeam.of(Settings.empty(), new InMemoryTrackingStore(), null, (s, o) -> null)) {
      doc =
          new ObjectMapper()
              .readTree(
                  new ObjectMapper()
                      .writeValueAsString(OpenApiDocument.of(team.registry(), "0.1.0")));
    }
    Set<String> writing = new HashSet<>();
    doc.path("paths")
        .properties()
        .forEach(
            p -> {
              JsonNode post = p.getValue().path("post");
              assertThat(post.has("x-changes-state")).as(p.getKey()).isTrue();
              if (post.path("x-changes-state").asBoolean()) {
                writing.add(post.path("operationId").asText());
              }
            });
    // A pipeline run writes outputs; masking writes a copy; erasure rewrites outputs. The rest
    // read files or the store.
    assertThat(writing)
        .containsExactlyInAnyOrder(
            "supervisor_run_pipeline", "compliance_mask_columns", "compliance_erase_subject");
  }
}
