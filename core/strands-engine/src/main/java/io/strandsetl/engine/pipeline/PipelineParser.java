package io.strandsetl.engine.pipeline;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import io.strandsetl.model.pipeline.EngineSpec;
import io.strandsetl.model.pipeline.IncrementalSpec;
import io.strandsetl.model.pipeline.PipelineSpec;
import io.strandsetl.model.pipeline.PipelineTags;
import io.strandsetl.model.pipeline.SinkFormat;
import io.strandsetl.model.pipeline.SinkSpec;
import io.strandsetl.model.pipeline.SourceFormat;
import io.strandsetl.model.pipeline.SourceSpec;
import io.strandsetl.model.pipeline.TransformSpec;
import io.strandsetl.model.pipeline.WriteMode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a pipeline YAML file into a {@link PipelineSpec}. The YAML is composed into nodes (not
 * constructed into objects) so that every value keeps its line and column; every problem of the
 * file is collected and reported at once as an {@link InvalidPipelineException}, each shaped {@code
 * pipeline.yaml:12:5: unknown key 'sinkz' (did you mean 'sinks'?)}. Keys are documented in {@code
 * docs/pipelines.md}.
 */
public final class PipelineParser {
  static final List<String> TOP_KEYS =
      List.of(
          "name",
          "description",
          "owner",
          "stakeholders",
          "tags",
          "sources",
          "transforms",
          "sinks",
          "quality",
          "compliance",
          "budget",
          "notifications",
          "platform",
          "engine");
  static final List<String> TAG_KEYS = List.of("team", "cost_center", "environment", "priority");
  static final List<String> SOURCE_KEYS =
      List.of("name", "format", "path", "table", "options", "incremental");
  static final List<String> INCREMENTAL_KEYS = List.of("watermark_column", "initial_value");
  static final List<String> TRANSFORM_KEYS = List.of("name", "sql", "cache");
  static final List<String> SINK_KEYS =
      List.of(
          "name", "from", "format", "path", "mode", "partition_by", "target_file_size", "options");
  static final List<String> PLATFORM_KEYS = List.of("preferred", "constraints");
  static final List<String> ENGINE_KEYS = List.of("master", "conf");

  private static final Pattern PIPELINE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern SIZE =
      Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?\\s*");

  private final String file;
  private final List<Problem> problems = new ArrayList<>();

  /** One problem; line and column are 1-based, 0 when YAML gave no position. */
  private record Problem(int line, int column, String text) {}

  private PipelineParser(String file) {
    this.file = file;
  }

  /** Reads and validates a pipeline file; relative paths inside stay relative (to the cwd). */
  public static PipelineSpec parse(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new StrandsException(
          ErrorCode.PATH_NOT_FOUND,
          "Cannot read pipeline " + path + ": no such file (check the path)");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new StrandsException(
          ErrorCode.INVALID_PIPELINE, "Invalid pipeline " + path + ": not UTF-8 text");
    } catch (IOException e) {
      throw new StrandsException(
          ErrorCode.IO_ERROR, "Cannot read pipeline " + path + ": " + e.getMessage());
    }
    return parse(path.toString(), text);
  }

  /**
   * Parses YAML text.
   *
   * @param file the name used in messages
   */
  public static PipelineSpec parse(String file, String yaml) {
    PipelineParser parser = new PipelineParser(file);
    PipelineSpec spec = parser.read(yaml);
    if (!parser.problems.isEmpty()) {
      // File order reads best; the sort is stable, so problems at one position keep their order.
      List<String> sorted =
          parser.problems.stream()
              .sorted(
                  java.util.Comparator.comparingInt(Problem::line)
                      .thenComparingInt(Problem::column))
              .map(Problem::text)
              .toList();
      throw new InvalidPipelineException(sorted);
    }
    return spec;
  }

  private PipelineSpec read(String yaml) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(50); // a pipeline has no reason for alias bombs
      root = new Yaml(options).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      problem(mark, "invalid YAML: " + oneLine(what));
      return null;
    } catch (YAMLException e) {
      problems.add(new Problem(0, 0, file + ": invalid YAML: " + oneLine(e.getMessage())));
      return null;
    }
    if (root == null) {
      problems.add(
          new Problem(1, 1, file + ":1:1: empty pipeline (expected keys name, sources, sinks)"));
      return null;
    }
    Obj top = mapping(root, "the pipeline", TOP_KEYS);
    if (top == null) {
      return null;
    }
    String name = top.requiredString("name");
    if (name != null && !PIPELINE_NAME.matcher(name).matches()) {
      problem(
          top.value("name"),
          "invalid name '"
              + name
              + "' (letters, digits, '_', '.', '-'; it names the state kept between runs)");
    }
    List<String> stakeholders = new ArrayList<>();
    for (Node n : top.sequence("stakeholders")) {
      String email = scalar(n, "stakeholder");
      if (email != null && !EMAIL.matcher(email).matches()) {
        problem(n, "invalid stakeholder e-mail '" + email + "'");
      } else if (email != null) {
        stakeholders.add(email);
      }
    }
    PipelineTags tags = PipelineTags.none();
    Obj tagsObj = top.child("tags", TAG_KEYS);
    if (tagsObj != null) {
      tags =
          new PipelineTags(
              tagsObj.string("team"),
              tagsObj.string("cost_center"),
              tagsObj.string("environment"),
              tagsObj.string("priority"));
    }

    Set<String> views = new HashSet<>();
    List<SourceSpec> sources = new ArrayList<>();
    List<Node> sourceNodes = top.requiredSequence("sources");
    for (int i = 0; i < sourceNodes.size(); i++) {
      SourceSpec s = source(sourceNodes.get(i), i, views);
      if (s != null) {
        sources.add(s);
      }
    }
    List<TransformSpec> transforms = new ArrayList<>();
    String lastView = null;
    for (Node n : top.sequence("transforms")) {
      TransformSpec t = transform(n, views);
      if (t != null) {
        transforms.add(t);
        lastView = t.name();
      }
    }
    if (lastView == null && sources.size() == 1) {
      lastView = sources.get(0).name();
    }
    List<SinkSpec> sinks = new ArrayList<>();
    Set<String> sinkNames = new HashSet<>();
    for (Node n : top.requiredSequence("sinks")) {
      SinkSpec s = sink(n, views, lastView, sinkNames);
      if (s != null) {
        sinks.add(s);
      }
    }
    Map<String, Object> platform = Map.of();
    Obj platformObj = top.child("platform", PLATFORM_KEYS);
    if (platformObj != null) {
      platform = toMap(platformObj.node);
    }
    EngineSpec engine = EngineSpec.defaults();
    Obj engineObj = top.child("engine", ENGINE_KEYS);
    if (engineObj != null) {
      engine = new EngineSpec(engineObj.string("master"), engineObj.stringMap("conf"));
    }
    if (!problems.isEmpty() || name == null) {
      return null;
    }
    return new PipelineSpec(
        name,
        top.string("description"),
        top.string("owner"),
        stakeholders,
        tags,
        sources,
        transforms,
        sinks,
        top.freeSection("quality"),
        top.freeSection("compliance"),
        top.freeSection("budget"),
        top.freeSection("notifications"),
        platform,
        engine);
  }

  private SourceSpec source(Node node, int index, Set<String> views) {
    Obj o = mapping(node, "source #" + (index + 1), SOURCE_KEYS);
    if (o == null) {
      return null;
    }
    String name = o.requiredString("name");
    String label = name == null ? "source #" + (index + 1) : "source '" + name + "'";
    o.label = label;
    viewName(o, name, views);
    SourceFormat format = o.requiredEnum("format", SourceFormat.class);
    String path = o.string("path");
    String table = o.string("table");
    if (path == null && table == null) {
      if (!o.misspelled.contains("path") && !o.misspelled.contains("table")) {
        problem(o.node, "missing required key 'path' (or 'table') in " + label);
      }
    } else if (path != null && table != null) {
      problem(o.value("table"), "give either 'path' or 'table' in " + label + ", not both");
    }
    Map<String, String> options = o.stringMap("options");
    if (format == SourceFormat.JDBC) {
      if (table == null && path != null) {
        problem(o.value("path"), "a jdbc source reads a 'table', not a 'path' (" + label + ")");
      }
      if (!options.containsKey("url")) {
        problem(o.node, "missing required option 'url' for jdbc " + label);
      }
    }
    IncrementalSpec incremental = null;
    Obj inc = o.child("incremental", INCREMENTAL_KEYS);
    if (inc != null) {
      inc.label = "incremental of " + label;
      String column = inc.requiredString("watermark_column");
      if (column != null) {
        incremental = new IncrementalSpec(column, inc.string("initial_value"));
      }
    }
    if (name == null || format == null || (path == null) == (table == null)) {
      return null;
    }
    return new SourceSpec(name, format, path, table, options, incremental);
  }

  private TransformSpec transform(Node node, Set<String> views) {
    Obj o = mapping(node, "transform", TRANSFORM_KEYS);
    if (o == null) {
      return null;
    }
    String name = o.requiredString("name");
    o.label = name == null ? "transform" : "transform '" + name + "'";
    viewName(o, name, views);
    String sql = o.requiredString("sql");
    if (sql != null && sql.isBlank()) {
      problem(o.value("sql"), "empty sql in " + o.label);
    }
    boolean cache = o.bool("cache", false);
    return name == null || sql == null ? null : new TransformSpec(name, sql.strip(), cache);
  }

  private SinkSpec sink(Node node, Set<String> views, String lastView, Set<String> sinkNames) {
    Obj o = mapping(node, "sink", SINK_KEYS);
    if (o == null) {
      return null;
    }
    String from = o.string("from");
    String name = o.string("name");
    o.label = "sink '" + (name != null ? name : from != null ? from : "?") + "'";
    if (from == null) {
      from = lastView;
      if (from == null) {
        problem(o.node, "missing required key 'from' in " + o.label + " (the view to write)");
      }
    } else if (!views.contains(from)) {
      problem(
          o.value("from"),
          "unknown view '"
              + from
              + "' in "
              + o.label
              + suggestion(from, views)
              + " (sources and transforms are views)");
    }
    if (name == null) {
      name = from;
    }
    if (name != null && !sinkNames.add(name)) {
      problem(o.node, "duplicate sink name '" + name + "' (give each sink a distinct 'name')");
    }
    String path = o.requiredString("path");
    SinkFormat format = o.optionalEnum("format", SinkFormat.class, SinkFormat.PARQUET);
    WriteMode mode = o.optionalEnum("mode", WriteMode.class, WriteMode.OVERWRITE);
    List<String> partitionBy = new ArrayList<>();
    for (Node n : o.sequence("partition_by")) {
      String column = scalar(n, "partition column");
      if (column != null) {
        partitionBy.add(column);
      }
    }
    Long target = null;
    Node sizeNode = o.value("target_file_size");
    if (sizeNode != null) {
      String text = scalar(sizeNode, "target_file_size");
      if (text != null) {
        target = parseSize(text);
        if (target == null || target <= 0) {
          problem(
              sizeNode,
              "invalid target_file_size '"
                  + text
                  + "' (a positive size such as 128MB or 134217728; units are binary: 1MB ="
                  + " 1048576 bytes)");
          target = null;
        }
      }
    }
    Map<String, String> options = o.stringMap("options");
    if (name == null || from == null || path == null || format == null || mode == null) {
      return null;
    }
    return new SinkSpec(name, from, format, path, mode, partitionBy, target, options);
  }

  private void viewName(Obj o, String name, Set<String> views) {
    if (name == null) {
      return;
    }
    if (!IDENTIFIER.matcher(name).matches()) {
      problem(
          o.value("name"),
          "invalid view name '" + name + "' (an SQL identifier: letters, digits and '_')");
    } else if (!views.add(name.toLowerCase(Locale.ROOT))) {
      problem(
          o.value("name"),
          "duplicate view name '" + name + "' (sources and transforms share one namespace)");
    } else {
      views.add(name);
    }
  }

  /** Bytes for {@code 134217728}, {@code 128MB}, {@code 128 MiB}, {@code 1g}; binary units. */
  static Long parseSize(String text) {
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      return null;
    }
    double number = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    int power =
        switch (unit.charAt(0)) {
          case 'k' -> 1;
          case 'm' -> 2;
          case 'g' -> 3;
          case 't' -> 4;
          default -> 0;
        };
    return (long) Math.round(number * Math.pow(1024, power));
  }

  // ---- node helpers ------------------------------------------------------------------------

  /** A mapping whose keys were checked against the known ones. */
  private final class Obj {
    final MappingNode node;
    final Map<String, Node> values = new LinkedHashMap<>();

    /** Keys an unknown key was taken for: their absence is already reported as that typo. */
    final Set<String> misspelled = new HashSet<>();

    String label;

    Obj(MappingNode node, String label) {
      this.node = node;
      this.label = label;
    }

    Node value(String key) {
      return values.get(key);
    }

    String string(String key) {
      Node n = values.get(key);
      return n == null ? null : scalar(n, key);
    }

    String requiredString(String key) {
      if (!values.containsKey(key) && misspelled.contains(key)) {
        return null;
      }
      if (!values.containsKey(key)) {
        problem(node, "missing required key '" + key + "' in " + label);
        return null;
      }
      return string(key);
    }

    boolean bool(String key, boolean defaultValue) {
      String text = string(key);
      if (text == null) {
        return defaultValue;
      }
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on" -> true;
        case "false", "no", "off" -> false;
        default -> {
          problem(values.get(key), "invalid " + key + " '" + text + "' (expected true or false)");
          yield defaultValue;
        }
      };
    }

    <E extends Enum<E>> E requiredEnum(String key, Class<E> type) {
      if (!values.containsKey(key) && misspelled.contains(key)) {
        return null;
      }
      if (!values.containsKey(key)) {
        problem(
            node,
            "missing required key '" + key + "' in " + label + " (one of: " + names(type) + ")");
        return null;
      }
      return optionalEnum(key, type, null);
    }

    <E extends Enum<E>> E optionalEnum(String key, Class<E> type, E defaultValue) {
      String text = string(key);
      if (text == null) {
        return defaultValue;
      }
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(text.trim())) {
          return e;
        }
      }
      List<String> known = names(type);
      problem(
          values.get(key),
          "invalid "
              + key
              + " '"
              + text
              + "' in "
              + label
              + suggestion(text, known)
              + " (one of: "
              + String.join(", ", known)
              + ")");
      return null;
    }

    List<Node> sequence(String key) {
      Node n = values.get(key);
      if (n == null || isNull(n)) {
        return List.of();
      }
      if (n instanceof SequenceNode s) {
        return s.getValue();
      }
      problem(n, "'" + key + "' in " + label + " must be a list (items start with '- ')");
      return List.of();
    }

    List<Node> requiredSequence(String key) {
      if (!values.containsKey(key) && misspelled.contains(key)) {
        return List.of();
      }
      if (!values.containsKey(key)) {
        problem(node, "missing required key '" + key + "' in " + label);
        return List.of();
      }
      List<Node> list = sequence(key);
      if (list.isEmpty() && values.get(key) instanceof SequenceNode) {
        problem(values.get(key), "'" + key + "' must list at least one entry");
      } else if (list.isEmpty() && isNull(values.get(key))) {
        problem(values.get(key), "'" + key + "' must list at least one entry");
      }
      return list;
    }

    Obj child(String key, List<String> allowed) {
      Node n = values.get(key);
      if (n == null || isNull(n)) {
        return null;
      }
      return mapping(n, "'" + key + "'", allowed);
    }

    Map<String, String> stringMap(String key) {
      Node n = values.get(key);
      if (n == null || isNull(n)) {
        return Map.of();
      }
      if (!(n instanceof MappingNode m)) {
        problem(n, "'" + key + "' in " + label + " must be a mapping of key: value");
        return Map.of();
      }
      Map<String, String> out = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        String k = scalar(t.getKeyNode(), "key");
        String v = scalar(t.getValueNode(), key + " value");
        if (k != null && v != null && out.put(k, v) != null) {
          problem(t.getKeyNode(), "duplicate key '" + k + "'");
        }
      }
      return out;
    }

    Map<String, Object> freeSection(String key) {
      Node n = values.get(key);
      if (n == null || isNull(n)) {
        return Map.of();
      }
      if (!(n instanceof MappingNode)) {
        problem(n, "'" + key + "' must be a mapping");
        return Map.of();
      }
      return toMap(n);
    }
  }

  private Obj mapping(Node node, String label, List<String> allowed) {
    if (!(node instanceof MappingNode m)) {
      problem(node, label + " must be a mapping of key: value");
      return null;
    }
    Obj o = new Obj(m, label);
    for (NodeTuple t : m.getValue()) {
      Node keyNode = t.getKeyNode();
      if (!(keyNode instanceof ScalarNode ks)) {
        problem(keyNode, "a key must be plain text");
        continue;
      }
      String key = ks.getValue();
      if (!allowed.contains(key)) {
        problem(keyNode, "unknown key '" + key + "'" + suggestion(key, allowed));
        ClosestName.of(key, allowed).ifPresent(o.misspelled::add);
      } else if (o.values.containsKey(key)) {
        problem(keyNode, "duplicate key '" + key + "'");
      } else {
        o.values.put(key, t.getValueNode());
      }
    }
    return o;
  }

  private String scalar(Node node, String what) {
    if (node instanceof ScalarNode s) {
      return isNull(s) ? null : s.getValue();
    }
    problem(node, what + " must be a single value, not a " + kind(node));
    return null;
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
  }

  private static String kind(Node node) {
    return node instanceof MappingNode
        ? "mapping"
        : node instanceof SequenceNode ? "list" : "value";
  }

  /** YAML values as plain Java: String, Long, Double, Boolean, null, List, LinkedHashMap. */
  static Object toValue(Node node) {
    if (node instanceof MappingNode m) {
      return toMap(m);
    }
    if (node instanceof SequenceNode s) {
      List<Object> list = new ArrayList<>();
      s.getValue().forEach(n -> list.add(toValue(n)));
      return list;
    }
    ScalarNode s = (ScalarNode) node;
    Tag tag = s.getTag();
    String v = s.getValue();
    try {
      if (Tag.NULL.equals(tag)) {
        return null;
      } else if (Tag.BOOL.equals(tag)) {
        return Set.of("true", "yes", "on").contains(v.toLowerCase(Locale.ROOT));
      } else if (Tag.INT.equals(tag)) {
        return Long.parseLong(v.replace("_", ""));
      } else if (Tag.FLOAT.equals(tag)) {
        return Double.parseDouble(v.replace("_", ""));
      }
    } catch (NumberFormatException e) {
      return v; // hex, octal or sexagesimal forms: keep the text rather than guess
    }
    return v;
  }

  static Map<String, Object> toMap(Node node) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (NodeTuple t : ((MappingNode) node).getValue()) {
      Object key = toValue(t.getKeyNode());
      out.put(String.valueOf(key), toValue(t.getValueNode()));
    }
    return out;
  }

  private static <E extends Enum<E>> List<String> names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.toList());
  }

  private static String suggestion(String typed, java.util.Collection<String> known) {
    Optional<String> closest = ClosestName.of(typed, known);
    return closest.map(c -> " (did you mean '" + c + "'?)").orElse("");
  }

  private void problem(Node node, String text) {
    problem(node.getStartMark(), text);
  }

  private void problem(Mark mark, String text) {
    if (mark == null) {
      problems.add(new Problem(0, 0, file + ": " + text));
    } else {
      int line = mark.getLine() + 1;
      int column = mark.getColumn() + 1;
      problems.add(new Problem(line, column, file + ":" + line + ":" + column + ": " + text));
    }
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").trim();
  }
}
