/**
 * The pipeline spec: what {@code strands run} executes. Parsed from YAML by {@code
 * io.strandsetl.engine.pipeline.PipelineParser}; every key is documented in {@code
 * docs/pipelines.md}. Records validate in their compact constructors and copy collections; maps
 * keep the order of the file.
 */
package io.strandsetl.model.pipeline;
