package io.strandsetl.lint.source;

import io.strandsetl.lint.LintCollector;
import io.strandsetl.lint.LintRule;
import io.strandsetl.lint.sql.SqlLinter;
import io.strandsetl.model.finding.Evidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lints PySpark ({@code .py}) and Spark Scala ({@code .scala}) source: walks the logical statements
 * in order, follows DataFrame variables (what they were read from, whether they are cached, bounded
 * or broadcast) and checks every call chain. SQL in {@code spark.sql("…")} strings is linted as
 * SQL, at its own lines. A heuristic, not a type checker: see docs/lint.md for what it deliberately
 * does not match.
 */
public final class SourceLinter {
  private static final Set<String> ACTIONS =
      Set.of(
          "count",
          "collect",
          "show",
          "take",
          "first",
          "head",
          "toPandas",
          "foreach",
          "foreachPartition",
          "collectAsList",
          "takeAsList",
          "tail",
          "isEmpty",
          "toLocalIterator");
  private static final Set<String> WRITES =
      Set.of("save", "parquet", "csv", "json", "orc", "text", "saveAsTable", "insertInto", "jdbc");
  private static final Set<String> GROUPING =
      Set.of("groupBy", "groupby", "rollup", "cube", "pivot", "groupByKey");

  /** Calls after which a DataFrame has few rows: collecting it is fine. */
  private static final Set<String> BOUNDING =
      Set.of(
          "limit",
          "agg",
          "groupBy",
          "groupby",
          "rollup",
          "cube",
          "count",
          "take",
          "head",
          "first",
          "tail",
          "summary",
          "describe");

  private static final Set<String> CACHING =
      Set.of("cache", "persist", "checkpoint", "localCheckpoint");
  private static final Set<String> COLLECTS = Set.of("collect", "toPandas", "collectAsList");

  /** Results of these are local values (numbers, lists, pandas frames), not DataFrames. */
  private static final Set<String> LOCAL_RESULTS =
      Set.of(
          "collect",
          "toPandas",
          "count",
          "first",
          "head",
          "take",
          "collectAsList",
          "takeAsList",
          "tail",
          "isEmpty",
          "toLocalIterator");

  private static final Set<String> READS =
      Set.of("table", "parquet", "csv", "json", "orc", "load", "text", "delta");
  private static final Set<String> WINDOW_FRAME = Set.of("orderBy", "rowsBetween", "rangeBetween");

  /** Names that are modules, helpers or the session: never a DataFrame variable. */
  private static final Set<String> NOT_DATAFRAMES =
      Set.of(
          "spark",
          "sc",
          "F",
          "f",
          "sf",
          "fn",
          "func",
          "psf",
          "functions",
          "Window",
          "pd",
          "np",
          "os",
          "sys",
          "math",
          "json",
          "re",
          "datetime",
          "time",
          "logging",
          "logger",
          "log",
          "len",
          "str",
          "int",
          "float",
          "list",
          "dict",
          "set",
          "tuple",
          "range",
          "sorted",
          "sum",
          "min",
          "max",
          "abs",
          "any",
          "all",
          "open",
          "enumerate",
          "zip",
          "map",
          "filter",
          "self",
          "super",
          "Seq",
          "Array",
          "List",
          "Map",
          "Set",
          "Some",
          "Option",
          "col",
          "lit",
          "broadcast",
          "when",
          "expr",
          "udf",
          "StorageLevel",
          "SparkSession",
          "dbutils",
          "glueContext",
          "args",
          "Row",
          "T",
          "types",
          "sqlContext",
          "spark_session",
          "session",
          "count",
          "path",
          "Path",
          "shutil",
          "random",
          "uuid",
          "typing",
          "itertools",
          "functools",
          "collections",
          "scala",
          "java",
          "org",
          "io",
          "pyspark",
          "gc");

  private static final Set<String> FUNCTION_MODULES =
      Set.of("F", "f", "sf", "fn", "func", "psf", "functions");
  private static final Set<String> SESSIONS =
      Set.of("spark", "session", "spark_session", "sqlContext", "self");

  /** Spark SQL functions that, applied to a column in a comparison, hide it from pruning. */
  private static final Set<String> COLUMN_FUNCTIONS =
      Set.of(
          "year",
          "month",
          "dayofmonth",
          "dayofweek",
          "dayofyear",
          "day",
          "hour",
          "minute",
          "quarter",
          "weekofyear",
          "date_format",
          "to_date",
          "to_timestamp",
          "date_trunc",
          "trunc",
          "upper",
          "lower",
          "trim",
          "ltrim",
          "rtrim",
          "substring",
          "substr",
          "concat",
          "concat_ws",
          "length",
          "coalesce",
          "abs",
          "round",
          "floor",
          "ceil",
          "regexp_replace",
          "regexp_extract",
          "split",
          "unix_timestamp",
          "from_unixtime",
          "datediff",
          "md5",
          "sha2",
          "hash",
          "lpad",
          "rpad",
          "initcap",
          "date_add",
          "date_sub",
          "add_months",
          "months_between");

  private static final Set<String> COMPARISONS =
      Set.of("==", "!=", "<", ">", "<=", ">=", "===", "=!=", "<=>");
  private static final Set<String> COLUMN_PREDICATES =
      Set.of(
          "isin",
          "isInCollection",
          "between",
          "like",
          "rlike",
          "eqNullSafe",
          "startswith",
          "startsWith");
  private static final Set<String> SCALA_MODIFIERS =
      Set.of("private", "protected", "override", "final", "implicit", "lazy");
  private static final Pattern STAR = Pattern.compile("\\*|[A-Za-z_][A-Za-z0-9_]*\\.\\*");
  private static final Pattern FORMAT_FIELD = Pattern.compile("\\{[^{}\\n]*}");
  private static final Pattern MARGIN = Pattern.compile("(?m)^([ \\t]*)\\|");

  /** What is known about one DataFrame variable at the current point of the file. */
  private static final class Var {
    String table;
    boolean broadcast;
    boolean bounded;
    boolean local;
    boolean cached;
    int actions;
    int firstActionLine;
    String firstAction;

    /** For a variable holding a string literal: its text and line, for {@code spark.sql(var)}. */
    SqlText sql;
  }

  private record SqlText(String text, int line) {}

  private final LintCollector out;
  private final Language language;
  private final Map<String, Var> vars = new HashMap<>();
  private final Set<String> windowNames = new HashSet<>(Set.of("Window"));

  private SourceLinter(LintCollector out, Language language) {
    this.out = out;
    this.language = language;
  }

  /** Lints one source file's text; findings and notes go to {@code out}. */
  public static void lint(String source, Language language, LintCollector out) {
    List<Token> tokens = SourceTokenizer.tokenize(source, language, out::readDirectives);
    SourceLinter linter = new SourceLinter(out, language);
    List<Token> statement = new ArrayList<>();
    for (Token t : tokens) {
      if (t.kind() == Token.Kind.END) {
        linter.statement(statement);
        statement = new ArrayList<>();
      } else {
        statement.add(t);
      }
    }
    linter.statement(statement);
  }

  private void statement(List<Token> st) {
    if (st.isEmpty()) {
      return;
    }
    Token first = st.get(0);
    if (first.is("def") || first.is("class") || first.is("object")) {
      vars.clear(); // a new scope: names may be reused for other data
      return;
    }
    if (first.is("import") || first.is("from")) {
      for (int i = 0; i + 2 < st.size(); i++) {
        if (st.get(i).is("Window") && (st.get(i + 1).is("as") || st.get(i + 1).is("=>"))) {
          windowNames.add(st.get(i + 2).text());
        }
      }
      return;
    }
    int rhs = 0;
    String target = null;
    int i = 0;
    while (language == Language.SCALA
        && i < st.size()
        && SCALA_MODIFIERS.contains(st.get(i).text())) {
      i++;
    }
    if (language == Language.SCALA
        && i + 1 < st.size()
        && (st.get(i).is("val") || st.get(i).is("var"))) {
      int eq = topLevel(st, "=", i + 2);
      if (eq > 0 && st.get(i + 1).isIdent()) {
        target = st.get(i + 1).text();
        rhs = eq + 1;
      }
    } else if (language == Language.PYTHON && st.size() > 2 && first.isIdent()) {
      int eq = topLevel(st, "=", 1);
      if (eq == 1 || eq > 1 && st.get(1).is(":")) {
        target = first.text();
        rhs = eq + 1;
      }
    }
    List<Token> body = unwrap(st.subList(rhs, st.size()));
    List<Chain> chains = Chain.all(body);
    for (Chain chain : chains) {
      check(chain);
    }
    Chain main = Chain.at(body, 0);
    if (main != null && main.parts().size() == 2 && vars.containsKey(main.root())) {
      String call = main.parts().get(1).name();
      if (CACHING.contains(call)) {
        vars.get(main.root()).cached = true; // cache() marks the plan, whatever is assigned
      } else if (call.equals("unpersist") && target == null) {
        vars.get(main.root()).cached = false;
      }
    }
    if (target != null) {
      vars.put(target, describe(body, main));
    }
  }

  /** Strips parentheses around a whole expression: {@code df = (spark.read … )}. */
  private static List<Token> unwrap(List<Token> body) {
    List<Token> b = body;
    while (b.size() >= 2 && b.get(0).is("(") && matching(b, 0) == b.size() - 1) {
      b = b.subList(1, b.size() - 1);
    }
    return b;
  }

  private static int matching(List<Token> tokens, int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        if (--depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  private static int topLevel(List<Token> tokens, String op, int from) {
    int depth = 0;
    for (int i = from; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        depth--;
      } else if (depth == 0 && t.kind() == Token.Kind.OP && t.text().equals(op)) {
        return i;
      }
    }
    return -1;
  }

  private Var describe(List<Token> body, Chain main) {
    Var v = new Var();
    if (body.isEmpty()) {
      v.local = true;
      return v;
    }
    SqlText literal = stringValue(body);
    if (literal != null || body.get(0).kind() != Token.Kind.IDENT || main == null) {
      v.local = true;
      v.sql = literal;
      return v;
    }
    Var from = vars.get(main.root());
    if (from != null) {
      v.table = from.table;
      v.broadcast = from.broadcast;
      v.bounded = from.bounded;
      v.cached = from.cached;
      v.local = from.local;
    }
    List<Chain.Part> parts = main.parts();
    for (int i = 0; i < parts.size(); i++) {
      Chain.Part p = parts.get(i);
      if (i > 0 && READS.contains(p.name()) && p.stringArg(0) != null) {
        v.table = tableName(p.name(), p.stringArg(0));
      }
      if (p.name().equals("broadcast") && p.called() || isBroadcastHint(p)) {
        v.broadcast = true;
      }
      if (i > 0 && p.called() && BOUNDING.contains(p.name())) {
        v.bounded = true;
      }
      if (i > 0 && CACHING.contains(p.name())) {
        v.cached = true;
      }
      if (i > 0 && p.name().equals("sql") && p.argCount() > 0) {
        SqlText sql = sqlArgument(p.args().get(0));
        v.bounded |= sql != null && SqlLinter.returnsBoundedRows(sql.text());
      }
    }
    Chain.Part last = parts.get(parts.size() - 1);
    Chain.Part beforeLast = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
    boolean groupedCount =
        last.name().equals("count") && beforeLast != null && GROUPING.contains(beforeLast.name());
    if (parts.size() > 1 && LOCAL_RESULTS.contains(last.name()) && last.called() && !groupedCount) {
      v.local = true;
    }
    return v;
  }

  private static String tableName(String read, String arg) {
    if (read.equals("table")) {
      return arg;
    }
    String path = arg.replaceAll("[/\\\\]+$", "");
    String lastSegment =
        path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    int dot = lastSegment.indexOf('.');
    return dot > 0 ? lastSegment.substring(0, dot) : lastSegment;
  }

  private static boolean isBroadcastHint(Chain.Part p) {
    String hint = p.name().equals("hint") ? p.stringArg(0) : null;
    return hint != null && hint.toLowerCase(Locale.ROOT).matches("broadcast|broadcastjoin|mapjoin");
  }

  private void check(Chain chain) {
    List<Chain.Part> parts = chain.parts();
    for (int i = 1; i < parts.size(); i++) {
      Chain.Part p = parts.get(i);
      if (!p.called()) {
        continue;
      }
      switch (p.name()) {
        case "select", "selectExpr" -> selectStar(p);
        case "crossJoin" ->
            out.add(
                LintRule.CARTESIAN_JOIN,
                p.line(),
                "crossJoin pairs every row with every row",
                List.of(),
                null);
        case "join" -> join(chain, i);
        case "filter", "where" -> p.args().forEach(arg -> filter(arg));
        case "sql" -> embeddedSql(p);
        case "over" -> {
          if (p.argCount() == 0) {
            out.add(
                LintRule.UNPARTITIONED_WINDOW,
                p.line(),
                "over() with an empty window: every row goes to one task",
                List.of(),
                null);
          }
        }
        default -> {}
      }
    }
    if (windowNames.contains(chain.root())) {
      window(chain);
    }
    collectToDriver(chain);
    repeatedComputation(chain);
  }

  private void selectStar(Chain.Part p) {
    for (List<Token> arg : p.args()) {
      boolean star =
          arg.size() <= 6
              && arg.stream()
                  .anyMatch(t -> t.isString() && STAR.matcher(t.text().strip()).matches());
      if (star) {
        out.add(
            LintRule.SELECT_STAR,
            p.line(),
            p.name() + "(\"*\") keeps every column",
            List.of(),
            null);
        return;
      }
    }
  }

  private void join(Chain chain, int index) {
    Chain.Part p = chain.parts().get(index);
    List<Token> right = p.args().isEmpty() ? List.of() : p.args().get(0);
    String receiverName = chain.parts().get(index - 1).name();
    String receiver = receiverName.toLowerCase(Locale.ROOT);
    boolean notDataFrame =
        right.isEmpty()
            || right.size() == 1 && right.get(0).isString()
            || receiverName.length() > 1
                && receiverName.equals(receiverName.toUpperCase(Locale.ROOT))
            || receiver.contains("delim")
            || receiver.endsWith("url")
            || right.get(0).is("[")
            || right.get(0).is("(")
            || right.get(0).is("*")
            || right.stream().anyMatch(t -> t.is("for"))
            || receiver.contains("sep")
            || !dataFrameRoot(chain) && !SESSIONS.contains(chain.root());
    if (notDataFrame) {
      return; // "sep".join([...]), os.path.join(*parts), thread.join() and friends
    }
    Var rootVar = vars.get(chain.root());
    boolean cross =
        p.args().stream()
            .anyMatch(
                a -> a.stream().anyMatch(t -> t.isString() && t.text().equalsIgnoreCase("cross")));
    if (p.argCount() == 1 || cross) {
      out.add(
          LintRule.CARTESIAN_JOIN,
          p.line(),
          cross
              ? "join(…, how=\"cross\") pairs every row with every row"
              : "join(" + text(right) + ") without join keys: a cartesian product",
          List.of(),
          null);
    }
    if (p.argCount() >= 2) {
      List<Token> on = p.args().get(1);
      if (!on.isEmpty() && !on.get(0).isString() && !on.get(0).is("[") && !on.get(0).is("Seq")) {
        columnFunctions(on, "join condition");
      }
    }
    // the right side, and the left side when the join is called on it directly (dim.join(fact))
    smallSide(right, p.line());
    if (index == 1 && rootVar != null && !rootVar.broadcast && isSmall(chain.root(), rootVar)) {
      missingBroadcast(p.line(), rootVar.table != null ? rootVar.table : chain.root());
    }
  }

  private void smallSide(List<Token> side, int line) {
    Chain c = Chain.at(side, 0);
    if (c == null) {
      return;
    }
    boolean hinted =
        c.root().equals("broadcast")
            || FUNCTION_MODULES.contains(c.root())
                && c.parts().size() > 1
                && c.parts().get(1).name().equals("broadcast")
            || c.parts().stream().anyMatch(SourceLinter::isBroadcastHint);
    if (hinted) {
      return;
    }
    if (c.parts().size() == 1 && side.size() == 1) {
      Var v = vars.get(c.root());
      if (isSmall(c.root(), v) && (v == null || !v.broadcast)) {
        missingBroadcast(line, v != null && v.table != null ? v.table : c.root());
      }
      return;
    }
    Var v = vars.get(c.root());
    String table = v == null ? null : v.table;
    for (int i = 1; i < c.parts().size(); i++) {
      Chain.Part p = c.parts().get(i);
      if (READS.contains(p.name()) && p.stringArg(0) != null) {
        table = tableName(p.name(), p.stringArg(0));
      }
    }
    if (table != null && out.isSmall(table) && (v == null || !v.broadcast)) {
      missingBroadcast(line, table);
    }
  }

  private boolean isSmall(String name, Var v) {
    return out.isSmall(name) || v != null && v.table != null && out.isSmall(v.table);
  }

  private void missingBroadcast(int line, String table) {
    out.add(
        LintRule.MISSING_BROADCAST,
        line,
        "Join with small table " + table + " without broadcast()",
        List.of(new Evidence("small table", table, "")),
        table);
  }

  private void filter(List<Token> arg) {
    if (arg.size() == 1 && arg.get(0).isString()) {
      SqlLinter.lintCondition(arg.get(0).text(), arg.get(0).line(), out);
    } else {
      columnFunctions(arg, "filter");
    }
  }

  /**
   * {@code F.year("d") == 2024}, {@code upper(col("x")) === y}: a function on a compared column.
   */
  private void columnFunctions(List<Token> tokens, String where) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isIdent() || !COLUMN_FUNCTIONS.contains(t.text()) || !tokens.get(i + 1).is("(")) {
        continue;
      }
      boolean qualified = i >= 2 && tokens.get(i - 1).is(".");
      if (qualified && !FUNCTION_MODULES.contains(tokens.get(i - 2).text())) {
        continue; // df.x.substr(…) style methods and other objects' methods: not judged
      }
      int close = matching(tokens, i + 1);
      if (close < 0 || !hasColumn(tokens.subList(i + 2, close))) {
        continue;
      }
      int before = qualified ? i - 3 : i - 1;
      boolean compared =
          close + 1 < tokens.size() && COMPARISONS.contains(tokens.get(close + 1).text())
              || close + 2 < tokens.size()
                  && tokens.get(close + 1).is(".")
                  && COLUMN_PREDICATES.contains(tokens.get(close + 2).text())
              || before >= 0 && COMPARISONS.contains(tokens.get(before).text());
      if (compared) {
        String call = text(tokens.subList(qualified ? i - 2 : i, close + 1));
        out.add(
            LintRule.NON_SARGABLE_PREDICATE,
            t.line(),
            "Function on a column in a "
                + where
                + ": "
                + call
                + " blocks partition pruning and filter push-down",
            List.of(new Evidence("expression", call, "")),
            null);
      }
    }
  }

  private static boolean hasColumn(List<Token> args) {
    for (int i = 0; i < args.size(); i++) {
      Token t = args.get(i);
      boolean insideLit =
          i >= 2
              && args.get(i - 1).is("(")
              && (args.get(i - 2).is("lit") || args.get(i - 2).is("typedLit"));
      if (t.isString() && !insideLit) {
        return true; // "order_date", col("order_date"), $"order_date"
      }
      if (t.isIdent()
          && i + 1 < args.size()
          && (args.get(i + 1).is(".") || args.get(i + 1).is("["))
          && !FUNCTION_MODULES.contains(t.text())) {
        return true; // df.order_date, df["order_date"]
      }
      if (t.is("'") && i + 1 < args.size() && args.get(i + 1).isIdent()) {
        return true; // Scala 'order_date
      }
    }
    return false;
  }

  private void embeddedSql(Chain.Part p) {
    if (p.argCount() == 0) {
      return;
    }
    SqlText sql = sqlArgument(p.args().get(0));
    if (sql != null) {
      SqlLinter.lintScript(sql.text(), sql.line(), out);
    }
  }

  private SqlText sqlArgument(List<Token> arg) {
    if (arg.size() == 1 && arg.get(0).isIdent()) {
      Var v = vars.get(arg.get(0).text());
      return v == null ? null : v.sql;
    }
    return stringValue(arg);
  }

  /**
   * The value of a string expression: adjacent or {@code +}-joined literals, optionally followed by
   * {@code .format(…)} or {@code .stripMargin}. Lines between literals are kept as line breaks, so
   * SQL line numbers still match the file. Null when the tokens are not such an expression.
   */
  private static SqlText stringValue(List<Token> tokens) {
    if (tokens.isEmpty() || !tokens.get(0).isString()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    int firstLine = tokens.get(0).line();
    int i = 0;
    while (i < tokens.size() && (tokens.get(i).isString() || tokens.get(i).is("+"))) {
      Token t = tokens.get(i++);
      if (t.isString()) {
        int atLine = firstLine + (int) text.chars().filter(c -> c == '\n').count();
        text.append("\n".repeat(Math.max(0, t.line() - atLine))).append(t.text());
      }
    }
    String value = text.toString();
    while (i + 1 < tokens.size() && tokens.get(i).is(".")) {
      String method = tokens.get(i + 1).text();
      if (method.equals("format")) {
        value = FORMAT_FIELD.matcher(value).replaceAll(SqlLinter.PARAMETER);
      } else if (method.equals("stripMargin")) {
        value = MARGIN.matcher(value).replaceAll(m -> m.group(1) + " ");
      } else {
        return null;
      }
      i += 2;
      if (i < tokens.size() && tokens.get(i).is("(")) {
        int close = matching(tokens, i);
        i = close < 0 ? tokens.size() : close + 1;
      }
    }
    return i == tokens.size() ? new SqlText(value, firstLine) : null;
  }

  private void window(Chain chain) {
    List<Chain.Part> parts = chain.parts();
    boolean partitioned = false;
    Chain.Part frame = null;
    for (int i = 1; i < parts.size(); i++) {
      Chain.Part p = parts.get(i);
      if (p.name().equals("partitionBy") && p.argCount() > 0) {
        partitioned = true;
      } else if (p.name().equals("partitionBy")
          || frame == null && WINDOW_FRAME.contains(p.name())) {
        frame = p;
      }
    }
    if (!partitioned && frame != null) {
      out.add(
          LintRule.UNPARTITIONED_WINDOW,
          frame.line(),
          chain.root() + "." + frame.name() + "(…) without partitionBy: every row goes to one task",
          List.of(),
          null);
    }
  }

  private boolean dataFrameRoot(Chain chain) {
    Var v = vars.get(chain.root());
    return !NOT_DATAFRAMES.contains(chain.root()) && (v == null || !v.local);
  }

  private void collectToDriver(Chain chain) {
    List<Chain.Part> parts = chain.parts();
    int at = -1;
    for (int i = 1; i < parts.size(); i++) {
      if (COLLECTS.contains(parts.get(i).name())
          && parts.get(i).called()
          && parts.get(i).argCount() == 0) {
        at = i;
        break;
      }
    }
    if (at < 0 || !(dataFrameRoot(chain) || SESSIONS.contains(chain.root()))) {
      return;
    }
    Var v = vars.get(chain.root());
    boolean bounded = v != null && v.bounded;
    for (int i = 1; i < at && !bounded; i++) {
      Chain.Part p = parts.get(i);
      bounded = p.called() && BOUNDING.contains(p.name());
      if (p.name().equals("sql") && p.argCount() > 0) {
        SqlText sql = sqlArgument(p.args().get(0));
        bounded = sql == null || SqlLinter.returnsBoundedRows(sql.text());
      }
    }
    if (!bounded) {
      Chain.Part p = parts.get(at);
      out.add(
          LintRule.COLLECT_TO_DRIVER,
          p.line(),
          p.name()
              + "() brings every row of "
              + subject(chain, at)
              + " to the driver (no limit or aggregation before it)",
          List.of(),
          null);
    }
  }

  /** {@code df}, or {@code spark.table("sales")} when the chain starts at the session. */
  private static String subject(Chain chain, int upTo) {
    if (!SESSIONS.contains(chain.root()) || upTo < 2) {
      return chain.root();
    }
    StringBuilder b = new StringBuilder(chain.root());
    for (int i = 1; i < upTo; i++) {
      Chain.Part p = chain.parts().get(i);
      b.append('.').append(p.name());
      String arg = p.stringArg(0);
      if (arg != null) {
        String one = arg.strip().replaceAll("\\s+", " ");
        return b.append("(\"")
            .append(one.length() <= 40 ? one : one.substring(0, 39) + "…")
            .append("\")")
            .toString();
      }
      if (p.called()) {
        b.append("(…)");
      }
    }
    return b.toString();
  }

  private void repeatedComputation(Chain chain) {
    if (!dataFrameRoot(chain) || chain.parts().size() < 2) {
      return;
    }
    List<Chain.Part> parts = chain.parts();
    Chain.Part action = null;
    for (int i = 1; i < parts.size() && action == null; i++) {
      Chain.Part p = parts.get(i);
      if (CACHING.contains(p.name())) {
        return; // df.cache().count(): materialises the cache, later actions reuse it
      }
      if (p.called() && ACTIONS.contains(p.name())) {
        boolean groupedCount =
            p.name().equals("count")
                && (p.argCount() > 0 || GROUPING.contains(parts.get(i - 1).name()));
        if (!groupedCount) {
          action = p;
        }
      } else if (p.name().equals("write")) {
        for (int j = i + 1; j < parts.size(); j++) {
          if (WRITES.contains(parts.get(j).name()) && parts.get(j).called()) {
            action = parts.get(j);
            break;
          }
        }
        if (action == null) {
          return;
        }
      }
    }
    if (action == null) {
      return;
    }
    Var v = vars.computeIfAbsent(chain.root(), k -> new Var());
    if (v.cached) {
      return;
    }
    v.actions++;
    if (v.actions == 1) {
      v.firstActionLine = action.line();
      v.firstAction = action.name();
    } else if (v.actions == 2) {
      out.add(
          LintRule.REPEATED_COMPUTATION,
          action.line(),
          "DataFrame "
              + chain.root()
              + " is computed again by "
              + action.name()
              + "() (line "
              + v.firstActionLine
              + ": "
              + v.firstAction
              + "() computed it already) and is not cached",
          List.of(
              new Evidence("variable", chain.root(), ""),
              new Evidence("first action line", v.firstActionLine, "")),
          null);
    }
  }

  private static String text(List<Token> tokens) {
    StringBuilder b = new StringBuilder();
    for (Token t : tokens) {
      if (t.isString()) {
        b.append(t.prefix()).append('"').append(t.text()).append('"');
      } else {
        b.append(t.text());
      }
      if (t.isIdent()
          && tokens.indexOf(t) < tokens.size() - 1
          && tokens.get(tokens.indexOf(t) + 1).isIdent()) {
        b.append(' ');
      }
    }
    String s = b.toString();
    return s.length() <= 80 ? s : s.substring(0, 79) + "…";
  }
}
