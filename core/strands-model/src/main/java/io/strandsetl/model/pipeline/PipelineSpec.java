package io.strandsetl.model.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pipeline: identity, sources, SQL steps and sinks, plus the sections later features read ({@code
 * quality}, {@code compliance}, {@code budget}, {@code notifications}, {@code platform}), which are
 * carried through as ordered maps of YAML values (String, Long, Double, Boolean, List, Map, or
 * null).
 *
 * @param name pipeline name; names the state kept between runs
 * @param description free text, or null
 * @param owner owning person or team, or null
 * @param stakeholders e-mail addresses told about runs
 * @param tags team, cost centre, environment, priority
 * @param sources inputs in file order
 * @param transforms SQL steps in execution order
 * @param sinks outputs in file order
 * @param engine Spark master and configuration
 */
public record PipelineSpec(
    String name,
    String description,
    String owner,
    List<String> stakeholders,
    PipelineTags tags,
    List<SourceSpec> sources,
    List<TransformSpec> transforms,
    List<SinkSpec> sinks,
    Map<String, Object> quality,
    Map<String, Object> compliance,
    Map<String, Object> budget,
    Map<String, Object> notifications,
    Map<String, Object> platform,
    EngineSpec engine) {
  public PipelineSpec {
    Objects.requireNonNull(name, "name");
    stakeholders = stakeholders == null ? List.of() : List.copyOf(stakeholders);
    tags = tags == null ? PipelineTags.none() : tags;
    sources = sources == null ? List.of() : List.copyOf(sources);
    transforms = transforms == null ? List.of() : List.copyOf(transforms);
    sinks = sinks == null ? List.of() : List.copyOf(sinks);
    quality = Sections.copy(quality);
    compliance = Sections.copy(compliance);
    budget = Sections.copy(budget);
    notifications = Sections.copy(notifications);
    platform = Sections.copy(platform);
    engine = engine == null ? EngineSpec.defaults() : engine;
  }
}
