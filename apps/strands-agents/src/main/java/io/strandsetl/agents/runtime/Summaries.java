package io.strandsetl.agents.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strandsetl.agents.schema.Description;
import java.lang.reflect.RecordComponent;

/**
 * Short, PII-free text of a tool's input or output for {@code agent_invocations}: compact JSON with
 * {@link Description#sensitive()} fields replaced by {@code ***}, cut to a length.
 */
final class Summaries {
  private Summaries() {}

  static String of(Record value, int maxChars) {
    JsonNode json;
    try {
      json = Json.mapper().valueToTree(value);
    } catch (IllegalArgumentException e) {
      return value.getClass().getSimpleName();
    }
    if (json instanceof ObjectNode object) {
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        Description d = c.getAnnotation(Description.class);
        if (d != null && d.sensitive() && object.has(c.getName())) {
          object.put(c.getName(), "***");
        }
      }
    }
    String text = json.toString();
    return text.length() <= maxChars ? text : text.substring(0, maxChars - 1) + "…";
  }
}
