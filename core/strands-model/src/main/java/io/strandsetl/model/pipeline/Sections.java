package io.strandsetl.model.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, order-keeping, unmodifiable copies of the free-form sections later issues give meaning. */
final class Sections {
  private Sections() {}

  static Map<String, Object> copy(Map<String, Object> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, copyValue(v)));
    return Collections.unmodifiableMap(copy);
  }

  static Map<String, String> copyStrings(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  @SuppressWarnings("unchecked")
  private static Object copyValue(Object value) {
    if (value instanceof Map<?, ?> m) {
      return copy((Map<String, Object>) m);
    }
    if (value instanceof List<?> l) {
      List<Object> list = new ArrayList<>(l.size());
      l.forEach(e -> list.add(copyValue(e)));
      return Collections.unmodifiableList(list);
    }
    return value;
  }
}
