package io.strandsetl.lint.sql;

import io.strandsetl.lint.LintCollector;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * Lints SQL with JSqlParser: a {@code .sql} file, or SQL found in a {@code spark.sql("…")} string.
 * A statement JSqlParser cannot parse becomes a note, never an exception.
 */
public final class SqlLinter {
  /**
   * What stands in for a Python/Scala interpolation ({@code {day}}, {@code $day}) in SQL taken from
   * source, so the statement still parses; columns with this prefix are not treated as columns.
   */
  public static final String PARAMETER = "strands_param_";

  private static final Pattern TOP_LEVEL_QUERY = Pattern.compile("(?i)\\b(SELECT|WITH)\\b");
  private static final Pattern SPARK_TAIL_CLAUSE =
      Pattern.compile("(?i)\\b(DISTRIBUTE|SORT|CLUSTER)\\s+BY\\b");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}\\n]*}");
  private static final Pattern PARSE_POSITION = Pattern.compile("at line (\\d+), column (\\d+)");
  private static final Pattern UNEXPECTED =
      Pattern.compile("Encountered unexpected token: (\"[^\"]*\")");
  private static final List<String> AGGREGATES =
      List.of("count", "sum", "avg", "min", "max", "approx_count_distinct", "count_if", "mean");

  private SqlLinter() {}

  /**
   * Lints every statement of a script.
   *
   * @param script the SQL text
   * @param firstLine the 1-based line of the file on which {@code script} begins
   */
  public static void lintScript(String script, int firstLine, LintCollector out) {
    for (SqlSplitter.Piece piece : SqlSplitter.split(script, out::readDirectives)) {
      int lineBase = firstLine - 1 + piece.firstLine() - 1;
      Statement statement = parse(piece, lineBase, out);
      int statementLine = lineBase + piece.tokenLine() - piece.firstLine() + 1;
      if (statement != null) {
        try {
          new SqlChecks(out, lineBase, statementLine).statement(statement);
        } catch (RuntimeException e) {
          // a bug in a rule must not cost the user the rest of the file: say so, go on
          out.note(
              statementLine,
              "Cannot check SQL statement: internal error " + e + " (please report it)");
        }
      }
    }
  }

  /**
   * Lints a boolean SQL expression given as a string to {@code filter}/{@code where} in source
   * ({@code df.filter("year(order_date) = 2024")}). Unparsable conditions are skipped silently:
   * they are Python/Scala arguments, not SQL statements of the file.
   */
  public static void lintCondition(String condition, int line, LintCollector out) {
    try {
      Expression e = CCJSqlParserUtil.parseCondExpression(condition, false);
      new SqlChecks(out, line - 1, line).predicate(e, "filter");
    } catch (JSQLParserException | RuntimeException e) {
      // not SQL we understand: nothing to say about it
    }
  }

  /**
   * Whether a query returns a bounded number of rows: its outermost select has a LIMIT, a GROUP BY
   * or only aggregates. Unparsable SQL counts as bounded (nothing is claimed about it).
   */
  public static boolean returnsBoundedRows(String sql) {
    Statement statement;
    try {
      statement = CCJSqlParserUtil.parse(sql.strip().replaceAll(";\\s*$", ""));
    } catch (JSQLParserException | RuntimeException e) {
      return true;
    }
    if (!(statement instanceof Select select)) {
      return true;
    }
    if (select.getLimit() != null) {
      return true;
    }
    if (select instanceof SetOperationList) {
      return false;
    }
    if (select instanceof PlainSelect p) {
      if (p.getLimit() != null
          || p.getGroupBy() != null
          || p.getTop() != null
          || p.getFetch() != null) {
        return true;
      }
      for (SelectItem<?> item : p.getSelectItems()) {
        if (!(item.getExpression() instanceof Function f)
            || !AGGREGATES.contains(f.getName().toLowerCase(Locale.ROOT))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static Statement parse(SqlSplitter.Piece piece, int lineBase, LintCollector out) {
    JSQLParserException first;
    try {
      return CCJSqlParserUtil.parse(substituteVariables(piece.text()));
    } catch (JSQLParserException e) {
      first = e;
    } catch (RuntimeException e) {
      first = new JSQLParserException(e.getMessage(), e);
    }
    // Spark SQL that JSqlParser does not know (CACHE TABLE x AS, INSERT … PARTITION (…), DISTRIBUTE
    // BY …): lint the query inside it. The cut parts become blanks, so line numbers stay right.
    String fallback = sparkQueryPart(piece);
    if (fallback != null) {
      try {
        return CCJSqlParserUtil.parse(substituteVariables(fallback));
      } catch (JSQLParserException | RuntimeException e) {
        // report the first error: it is about the statement as written
      }
    }
    out.note(noteLine(first, lineBase, piece), noteMessage(first));
    return null;
  }

  /** Spark/Hive variables ({@code ${run_date}}, {@code ${hivevar:x}}) become a parsable name. */
  private static String substituteVariables(String sql) {
    return VARIABLE.matcher(sql).replaceAll(PARAMETER);
  }

  private static String sparkQueryPart(SqlSplitter.Piece piece) {
    String masked = piece.masked();
    char[] text = piece.text().toCharArray();
    boolean changed = false;
    Matcher query = TOP_LEVEL_QUERY.matcher(masked);
    if (query.find()
        && depthAt(masked, query.start()) == 0
        && !masked.substring(0, query.start()).isBlank()) {
      blank(text, 0, query.start());
      changed = true;
    }
    Matcher tail = SPARK_TAIL_CLAUSE.matcher(masked);
    while (tail.find()) {
      if (depthAt(masked, tail.start()) == 0) {
        blank(text, tail.start(), text.length);
        changed = true;
        break;
      }
    }
    return changed ? new String(text) : null;
  }

  private static int depthAt(String masked, int end) {
    int depth = 0;
    for (int i = 0; i < end; i++) {
      char c = masked.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
    }
    return depth;
  }

  private static void blank(char[] text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text[i] != '\n') {
        text[i] = ' ';
      }
    }
  }

  private static int noteLine(JSQLParserException e, int lineBase, SqlSplitter.Piece piece) {
    Matcher m = PARSE_POSITION.matcher(String.valueOf(e.getMessage()));
    if (m.find()) {
      return lineBase + Integer.parseInt(m.group(1));
    }
    return lineBase + piece.tokenLine() - piece.firstLine() + 1;
  }

  private static String noteMessage(JSQLParserException e) {
    String message = String.valueOf(e.getMessage());
    Matcher unexpected = UNEXPECTED.matcher(message);
    Matcher position = PARSE_POSITION.matcher(message);
    String why =
        unexpected.find()
            ? "unexpected token " + unexpected.group(1)
            : message.lines().findFirst().orElse("parse error").strip();
    if (position.find()) {
      why += " at column " + position.group(2);
    }
    return "Cannot parse SQL statement (JSqlParser: "
        + why
        + "); select-star, cartesian-join, unpartitioned-window, missing-broadcast and"
        + " non-sargable-predicate were not checked for it";
  }
}
