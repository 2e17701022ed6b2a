package io.strandsetl.agents.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {
  enum Colour {
    RED,
    GREEN
  }

  record Inner(@Description(value = "size", unit = "bytes") long bytes) {}

  @Description("a sample")
  record Sample(
      String name,
      @Description(value = "how long", unit = "ms") int durationMs,
      double ratio,
      boolean flag,
      Colour colour,
      List<Inner> inners,
      Map<String, Double> weights,
      Optional<String> note,
      @Description(value = "may be left out", optional = true) Long maybe) {}

  record Loop(List<Loop> children) {}

  @Test
  void describesRecordsWithTypesRequiredFieldsAndUnits() {
    JsonNode s = JsonSchemas.of(Sample.class);

    assertThat(s.path("type").asText()).isEqualTo("object");
    assertThat(s.path("description").asText()).isEqualTo("a sample");
    JsonNode p = s.path("properties");
    assertThat(p.path("name").path("type").asText()).isEqualTo("string");
    assertThat(p.path("durationMs").path("type").asText()).isEqualTo("integer");
    assertThat(p.path("durationMs").path("description").asText()).isEqualTo("how long (ms)");
    assertThat(p.path("durationMs").path("x-unit").asText()).isEqualTo("ms");
    assertThat(p.path("ratio").path("type").asText()).isEqualTo("number");
    assertThat(p.path("flag").path("type").asText()).isEqualTo("boolean");
    assertThat(p.path("colour").path("enum").toString()).isEqualTo("[\"RED\",\"GREEN\"]");
    assertThat(p.path("inners").path("type").asText()).isEqualTo("array");
    assertThat(
            p.path("inners").path("items").path("properties").path("bytes").path("x-unit").asText())
        .isEqualTo("bytes");
    assertThat(p.path("weights").path("additionalProperties").path("type").asText())
        .isEqualTo("number");
    assertThat(p.path("note").path("type").asText()).isEqualTo("string");
    List<String> required = new java.util.ArrayList<>();
    s.path("required").forEach(r -> required.add(r.asText()));
    assertThat(required)
        .contains("name", "durationMs", "colour", "inners")
        .doesNotContain("note", "maybe");
    assertThat(s.path("additionalProperties").asBoolean(true)).isFalse();
  }

  @Test
  void rejectsARecordThatContainsItself() {
    assertThatThrownBy(() -> JsonSchemas.of(Loop.class))
        .hasMessageContaining("Cannot generate a JSON schema")
        .hasMessageContaining("record contains itself");
  }
}
