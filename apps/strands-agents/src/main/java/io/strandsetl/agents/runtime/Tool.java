package io.strandsetl.agents.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strandsetl.agents.schema.JsonSchemas;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A typed function of an agent: a record in, a record out, JSON schemas generated from both (the
 * same schemas the OpenAPI document and a language model see). A tool throws {@link
 * StrandsException} for every failure; it never returns a made-up result.
 *
 * @param <I> input record
 * @param <O> output record
 */
public final class Tool<I extends Record, O extends Record> {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private final String name;
  private final String description;
  private final Class<I> input;
  private final Class<O> output;
  private final Function<I, O> function;
  private final boolean changesState;

  private Tool(
      String name,
      String description,
      Class<I> input,
      Class<O> output,
      Function<I, O> function,
      boolean changesState) {
    if (!NAME.matcher(name).matches()) {
      throw new StrandsException(
          ErrorCode.INTERNAL_ERROR, "Invalid tool name: '" + name + "' (use snake_case)");
    }
    this.name = name;
    this.description = Objects.requireNonNull(description, "description");
    this.input = Objects.requireNonNull(input, "input");
    this.output = Objects.requireNonNull(output, "output");
    this.function = Objects.requireNonNull(function, "function");
    this.changesState = changesState;
  }

  /** A tool that only reads (files, the store): anyone who may read may call it. */
  public static <I extends Record, O extends Record> Tool<I, O> of(
      String name, String description, Class<I> input, Class<O> output, Function<I, O> function) {
    return new Tool<>(name, description, input, output, function, false);
  }

  /**
   * The same tool marked as changing state (it runs a pipeline, rewrites or writes data): the
   * dashboard's REST API lets only admins call it.
   */
  public Tool<I, O> changingState() {
    return new Tool<>(name, description, input, output, function, true);
  }

  /** True when a call writes something (see {@link #changingState()}). */
  public boolean changesState() {
    return changesState;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Class<I> inputType() {
    return input;
  }

  public Class<O> outputType() {
    return output;
  }

  public ObjectNode inputSchema() {
    return JsonSchemas.of(input);
  }

  public ObjectNode outputSchema() {
    return JsonSchemas.of(output);
  }

  /** Calls the function directly (no recording, no timeout): use {@link AgentInvoker}. */
  O apply(Record in) {
    return function.apply(input.cast(in));
  }
}
