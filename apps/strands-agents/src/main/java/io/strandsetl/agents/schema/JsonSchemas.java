package io.strandsetl.agents.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * JSON Schema (draft 2020-12 subset, also valid as an OpenAPI 3.1 schema object) generated from
 * Java types by reflection: records become objects whose components are required unless {@link
 * Description#optional()} or {@link Optional}; enums become string enums; lists and sets arrays;
 * maps with string keys objects with {@code additionalProperties}; numbers integer or number with
 * the unit from {@link Description#unit()} in the description. Nested records are inlined; a record
 * that contains itself is rejected (tool payloads are trees).
 */
public final class JsonSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonSchemas() {}

  /** The schema of {@code type}. */
  public static ObjectNode of(Type type) {
    return schema(type, new ArrayDeque<>());
  }

  private static ObjectNode schema(Type type, Deque<Class<?>> path) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (Optional.class.equals(raw)) {
        return schema(args[0], path);
      }
      if (Collection.class.isAssignableFrom(raw)) {
        ObjectNode s = NODES.objectNode().put("type", "array");
        s.set("items", schema(args[0], path));
        return s;
      }
      if (Map.class.isAssignableFrom(raw)) {
        boolean enumKeys = args[0] instanceof Class<?> k && k.isEnum();
        if (!String.class.equals(args[0]) && !enumKeys) {
          throw unsupported(type, "map keys must be strings or enums in JSON");
        }
        ObjectNode s = NODES.objectNode().put("type", "object");
        if (enumKeys) {
          s.set("propertyNames", schema(args[0], path));
        }
        s.set("additionalProperties", schema(args[1], path));
        return s;
      }
      throw unsupported(type, "generic type");
    }
    if (type instanceof WildcardType w) {
      return schema(w.getUpperBounds()[0], path);
    }
    if (!(type instanceof Class<?> c)) {
      throw unsupported(type, "type variable");
    }
    if (c == String.class || c == Path.class || c == char.class || c == Character.class) {
      return NODES.objectNode().put("type", "string");
    }
    if (c == boolean.class || c == Boolean.class) {
      return NODES.objectNode().put("type", "boolean");
    }
    if (c == int.class
        || c == Integer.class
        || c == long.class
        || c == Long.class
        || c == short.class
        || c == Short.class
        || c == OptionalInt.class
        || c == OptionalLong.class) {
      return NODES.objectNode().put("type", "integer");
    }
    if (c == double.class
        || c == Double.class
        || c == float.class
        || c == Float.class
        || c == OptionalDouble.class
        || Number.class.isAssignableFrom(c)) {
      return NODES.objectNode().put("type", "number");
    }
    if (c == Instant.class) {
      return NODES.objectNode().put("type", "string").put("format", "date-time");
    }
    if (c == LocalDate.class) {
      return NODES.objectNode().put("type", "string").put("format", "date");
    }
    if (c == Duration.class) {
      return NODES.objectNode().put("type", "string").put("format", "duration");
    }
    if (c.isEnum()) {
      ObjectNode s = NODES.objectNode().put("type", "string");
      ArrayNode values = s.putArray("enum");
      for (Object constant : c.getEnumConstants()) {
        values.add(((Enum<?>) constant).name());
      }
      return s;
    }
    if (c.isArray()) {
      ObjectNode s = NODES.objectNode().put("type", "array");
      s.set("items", schema(c.getComponentType(), path));
      return s;
    }
    if (c.isRecord()) {
      return record(c, path);
    }
    if (c == Object.class || com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(c)) {
      return NODES.objectNode(); // any JSON value (free-form detail maps)
    }
    throw unsupported(type, "not a record, enum, collection, map, string, number or boolean");
  }

  private static ObjectNode record(Class<?> c, Deque<Class<?>> path) {
    if (path.contains(c)) {
      throw unsupported(c, "record contains itself");
    }
    path.push(c);
    ObjectNode s = NODES.objectNode().put("type", "object");
    s.put("title", c.getSimpleName());
    Description about = c.getAnnotation(Description.class);
    if (about != null) {
      s.put("description", about.value());
    }
    ObjectNode properties = s.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (RecordComponent component : c.getRecordComponents()) {
      ObjectNode property = schema(component.getGenericType(), path);
      Description d = component.getAnnotation(Description.class);
      if (d != null) {
        String text = d.unit().isEmpty() ? d.value() : d.value() + " (" + d.unit() + ")";
        property.put("description", text);
        if (!d.unit().isEmpty()) {
          property.put("x-unit", d.unit());
        }
      }
      boolean optional = (d != null && d.optional()) || Optional.class.equals(component.getType());
      if (!optional) {
        required.add(component.getName());
      }
      properties.set(component.getName(), property);
    }
    if (!required.isEmpty()) {
      s.set("required", required);
    }
    s.put("additionalProperties", false);
    path.pop();
    return s;
  }

  private static StrandsException unsupported(Type type, String why) {
    return new StrandsException(
        ErrorCode.INTERNAL_ERROR,
        "Cannot generate a JSON schema for " + type.getTypeName() + " (" + why + ")");
  }
}
