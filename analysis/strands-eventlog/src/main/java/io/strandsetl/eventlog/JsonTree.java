package io.strandsetl.eventlog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON tree (maps, lists, strings, longs, doubles, booleans, null) for the rare, large
 * events (SQL start, adaptive updates, environment). The module depends on jackson-core only, so
 * there is no databind; hot events never go through here.
 */
final class JsonTree {
  private JsonTree() {}

  /** Reads the value at the parser's current token. */
  static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new IOException("unexpected end of input");
    }
    return switch (t) {
      case START_OBJECT -> objectRest(p);
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (p.currentToken() == null) {
            throw new IOException("unexpected end of input");
          }
          list.add(value(p));
        }
        yield list;
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT ->
          p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? (Object) p.getBigIntegerValue().doubleValue()
              : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected token " + t);
    };
  }

  /** Reads the remaining fields of the object the parser is in (after its start or a field). */
  static Map<String, Object> objectRest(JsonParser p) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      map.put(name, value(p));
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw new IOException("unexpected end of input");
    }
    return map;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> m, String key) {
    Object v = m == null ? null : m.get(key);
    return v instanceof Map ? (Map<String, Object>) v : null;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> m, String key) {
    Object v = m == null ? null : m.get(key);
    return v instanceof List ? (List<Object>) v : List.of();
  }

  static String str(Map<String, Object> m, String key) {
    Object v = m == null ? null : m.get(key);
    return v == null ? null : v.toString();
  }

  /** A long from a number or a numeric string, else null. */
  static Long lng(Map<String, Object> m, String key) {
    return toLong(m == null ? null : m.get(key));
  }

  static Long toLong(Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static Integer integer(Map<String, Object> m, String key) {
    Long v = lng(m, key);
    return v == null ? null : (int) (long) v;
  }

  static boolean bool(Map<String, Object> m, String key) {
    Object v = m == null ? null : m.get(key);
    return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object v) {
    return v instanceof Map ? (Map<String, Object>) v : null;
  }
}
