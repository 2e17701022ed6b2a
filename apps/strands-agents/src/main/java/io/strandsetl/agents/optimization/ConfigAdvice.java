package io.strandsetl.agents.optimization;

import io.strandsetl.agents.schema.Description;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Configuration advice for the next run of a job. */
public record ConfigAdvice(
    @Description("properties to change, in rule order") List<ConfigChange> changes,
    @Description("why a rule gave no advice, one line each") List<String> notes) {
  public ConfigAdvice {
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
  }

  /** The changes as Spark properties, in order (what {@code --autotune} applies). */
  public Map<String, String> asConf() {
    Map<String, String> conf = new LinkedHashMap<>();
    changes.forEach(c -> conf.put(c.key(), c.recommended()));
    return conf;
  }
}
