package io.strandsetl.lint.sql;

import io.strandsetl.lint.LintCollector;
import io.strandsetl.lint.LintRule;
import io.strandsetl.model.finding.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnalyticType;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.WindowDefinition;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;

/** The SQL rules, applied to one parsed statement and every query nested in it. */
final class SqlChecks {
  private static final Pattern BROADCAST_HINT =
      Pattern.compile("(?i)\\b(?:BROADCAST|BROADCASTJOIN|MAPJOIN)\\s*\\(([^)]*)\\)");

  /** Identifiers JSqlParser reads as columns although they are functions without parentheses. */
  private static final Set<String> NOT_COLUMNS =
      Set.of("current_date", "current_timestamp", "current_user", "true", "false", "null");

  private final LintCollector out;
  private final int lineBase;
  private final int fallbackLine;

  /** Names of the CTEs seen so far: their columns are defined by queries linted on their own. */
  private final Set<String> cteNames = new java.util.HashSet<>();

  /**
   * @param lineBase added to JSqlParser's 1-based line numbers to get the file's line
   * @param fallbackLine the file line used when a node carries no position
   */
  SqlChecks(LintCollector out, int lineBase, int fallbackLine) {
    this.out = out;
    this.lineBase = lineBase;
    this.fallbackLine = fallbackLine;
  }

  void statement(Statement statement) {
    if (statement instanceof Select s) {
      select(s, false);
    } else if (statement instanceof Insert i && i.getSelect() != null) {
      select(i.getSelect(), false);
    } else if (statement instanceof CreateView v && v.getSelect() != null) {
      select(v.getSelect(), false);
    } else if (statement instanceof CreateTable t && t.getSelect() != null) {
      select(t.getSelect(), false);
    } else if (statement instanceof Delete d && d.getWhere() != null) {
      predicate(d.getWhere(), "WHERE");
    } else if (statement instanceof Update u && u.getWhere() != null) {
      predicate(u.getWhere(), "WHERE");
    }
  }

  /** {@code inExists}: the query only tests for existence, so its select list does not matter. */
  private void select(Select select, boolean inExists) {
    if (select.getWithItemsList() != null) {
      for (WithItem<?> with : select.getWithItemsList()) {
        if (with.getUnquotedAliasName() != null) {
          cteNames.add(with.getUnquotedAliasName().toLowerCase(Locale.ROOT));
        }
        if (with.getSelect() != null) {
          select(with.getSelect(), false);
        }
      }
    }
    if (select instanceof PlainSelect p) {
      plain(p, inExists);
    } else if (select instanceof SetOperationList list) {
      list.getSelects().forEach(s -> select(s, inExists));
    } else if (select instanceof ParenthesedSelect ps && ps.getSelect() != null) {
      select(ps.getSelect(), inExists);
    }
  }

  private void plain(PlainSelect p, boolean inExists) {
    Scanner scanner = new Scanner(p);
    for (SelectItem<?> item : p.getSelectItems()) {
      Expression e = item.getExpression();
      if (!inExists && e instanceof AllColumns all && !overDefinedColumns(p)) {
        String what =
            all instanceof AllTableColumns t ? t.getTable().getFullyQualifiedName() + ".*" : "*";
        out.add(
            LintRule.SELECT_STAR,
            line(item, line(p)),
            "SELECT " + what + " reads every column of the table",
            List.of(),
            null);
      }
      if (e != null) {
        e.accept(scanner, null);
      }
    }
    fromItem(p.getFromItem());
    if (p.getJoins() != null) {
      joins(p, p.getFromItem(), p.getJoins());
    }
    if (p.getWhere() != null) {
      predicate(p.getWhere(), "WHERE");
      p.getWhere().accept(scanner, null);
    }
    if (p.getHaving() != null) {
      p.getHaving().accept(scanner, null);
    }
  }

  /**
   * A {@code SELECT *} over one derived table or CTE only passes on columns another query of the
   * statement already chose (and Spark prunes through it), so it is not reported; that query is.
   */
  private boolean overDefinedColumns(PlainSelect p) {
    if (p.getJoins() != null && !p.getJoins().isEmpty()) {
      return false;
    }
    FromItem from = p.getFromItem();
    return from instanceof ParenthesedSelect
        || from instanceof Table t
            && cteNames.contains(t.getName().replace("`", "").toLowerCase(Locale.ROOT));
  }

  private void fromItem(FromItem item) {
    if (item instanceof ParenthesedSelect ps) {
      select(ps, false);
    } else if (item instanceof LateralSubSelect lateral && lateral.getSelect() != null) {
      select(lateral.getSelect(), false);
    } else if (item instanceof ParenthesedFromItem pf) {
      fromItem(pf.getFromItem());
      if (pf.getJoins() != null) {
        joins(null, pf.getFromItem(), pf.getJoins());
      }
    }
  }

  private void joins(PlainSelect p, FromItem first, List<Join> joins) {
    Scanner scanner = new Scanner(p);
    List<String> left = new ArrayList<>(qualifiers(first));
    Map<Table, Integer> tables = new LinkedHashMap<>();
    if (first instanceof Table t) {
      tables.put(t, line(t, fallbackLine));
    }
    for (Join join : joins) {
      FromItem right = join.getRightItem();
      fromItem(right);
      if (right instanceof Table t) {
        tables.put(t, line(t, fallbackLine));
      }
      String name = describe(right);
      int at = line(right, fallbackLine);
      boolean tableLike = right instanceof Table || right instanceof ParenthesedSelect;
      if (join.isCross()) {
        out.add(
            LintRule.CARTESIAN_JOIN,
            at,
            "CROSS JOIN " + name + " pairs every row with every row",
            List.of(),
            null);
      } else if (join.isSimple() && tableLike) {
        if (p == null || !joinedByWhere(p.getWhere(), left, qualifiers(right))) {
          out.add(
              LintRule.CARTESIAN_JOIN,
              at,
              "FROM …, " + name + " without a WHERE predicate joining it: a cartesian product",
              List.of(),
              null);
        }
      } else if (!join.isSimple()
          && tableLike
          && join.getOnExpressions().isEmpty()
          && (join.getUsingColumns() == null || join.getUsingColumns().isEmpty())
          && !join.isNatural()
          && !join.isApply()) {
        out.add(
            LintRule.CARTESIAN_JOIN,
            at,
            "JOIN " + name + " without ON or USING: a cartesian product",
            List.of(),
            null);
      }
      for (Expression on : join.getOnExpressions()) {
        predicate(on, "JOIN ON");
        on.accept(scanner, null);
      }
      left.addAll(qualifiers(right));
    }
    String hint = p == null || p.getOracleHint() == null ? "" : p.getOracleHint().toString();
    tables.forEach(
        (table, at) -> {
          if (out.isSmall(table.getFullyQualifiedName()) && !hinted(hint, table)) {
            out.add(
                LintRule.MISSING_BROADCAST,
                at,
                "Join with small table "
                    + table.getFullyQualifiedName()
                    + " without a BROADCAST hint",
                List.of(new Evidence("small table", table.getFullyQualifiedName(), "")),
                table.getFullyQualifiedName());
          }
        });
  }

  private static boolean hinted(String hint, Table table) {
    Matcher m = BROADCAST_HINT.matcher(hint);
    while (m.find()) {
      for (String arg : m.group(1).split("[,\\s]+")) {
        String a = arg.replace("`", "").toLowerCase(Locale.ROOT);
        if (!a.isEmpty() && qualifiers(table).contains(a)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether some comparison in WHERE uses a column of the right side and one of the left side. */
  private static boolean joinedByWhere(Expression where, List<String> left, List<String> right) {
    if (where == null) {
      return false;
    }
    boolean[] joined = {false};
    where.accept(
        new ExpressionVisitorAdapter<Void>() {
          @Override
          public <S> Void visit(net.sf.jsqlparser.expression.operators.relational.EqualsTo e, S c) {
            check(e.getLeftExpression(), e.getRightExpression());
            return super.visit(e, c);
          }

          private void check(Expression a, Expression b) {
            List<String> qa = columnQualifiers(a);
            List<String> qb = columnQualifiers(b);
            if (qa.isEmpty() || qb.isEmpty()) {
              return;
            }
            // Unqualified columns on both sides: we cannot tell which table each belongs to, so
            // give the query the benefit of the doubt.
            boolean ambiguous = qa.contains("") || qb.contains("");
            boolean links =
                qa.stream().anyMatch(right::contains) && qb.stream().anyMatch(left::contains)
                    || qb.stream().anyMatch(right::contains)
                        && qa.stream().anyMatch(left::contains);
            joined[0] |= ambiguous || links;
          }
        },
        null);
    return joined[0];
  }

  private static List<String> columnQualifiers(Expression e) {
    List<String> qualifiers = new ArrayList<>();
    e.accept(
        new ExpressionVisitorAdapter<Void>() {
          @Override
          public <S> Void visit(Column column, S c) {
            Table t = column.getTable();
            String q = t == null || t.getName() == null ? "" : t.getName().replace("`", "");
            qualifiers.add(q.toLowerCase(Locale.ROOT));
            return null;
          }
        },
        null);
    return qualifiers;
  }

  /** Names a column of this from-item can be qualified with: its alias, name and full name. */
  private static List<String> qualifiers(FromItem item) {
    List<String> names = new ArrayList<>();
    if (item == null) {
      return names;
    }
    if (item.getAlias() != null) {
      names.add(item.getAlias().getName().replace("`", "").toLowerCase(Locale.ROOT));
    }
    if (item instanceof Table t) {
      names.add(t.getName().replace("`", "").toLowerCase(Locale.ROOT));
      names.add(t.getFullyQualifiedName().replace("`", "").toLowerCase(Locale.ROOT));
    }
    return names;
  }

  private static String describe(FromItem item) {
    if (item instanceof Table t) {
      return t.getFullyQualifiedName();
    }
    return item.getAlias() != null ? "(subquery) " + item.getAlias().getName() : "(subquery)";
  }

  /** Checks comparisons in a WHERE or JOIN ON condition for functions applied to columns. */
  void predicate(Expression e, String clause) {
    if (e instanceof AndExpression || e instanceof OrExpression || e instanceof XorExpression) {
      var b = (net.sf.jsqlparser.expression.BinaryExpression) e;
      predicate(b.getLeftExpression(), clause);
      predicate(b.getRightExpression(), clause);
    } else if (e instanceof NotExpression not) {
      predicate(not.getExpression(), clause);
    } else if (e instanceof ParenthesedExpressionList<?> list) {
      list.forEach(x -> predicate(x, clause));
    } else if (e instanceof ComparisonOperator || e instanceof LikeExpression) {
      var b = (net.sf.jsqlparser.expression.BinaryExpression) e;
      operand(b.getLeftExpression(), clause);
      operand(b.getRightExpression(), clause);
    } else if (e instanceof Between between) {
      operand(between.getLeftExpression(), clause);
    } else if (e instanceof InExpression in) {
      operand(in.getLeftExpression(), clause);
    }
  }

  private void operand(Expression e, String clause) {
    if (e instanceof Function || e instanceof CastExpression || e instanceof ExtractExpression) {
      List<String> columns = columns(e);
      if (!columns.isEmpty()) {
        out.add(
            LintRule.NON_SARGABLE_PREDICATE,
            line(e, fallbackLine),
            "Function on column "
                + columns.get(0)
                + " in "
                + clause
                + ": "
                + abbreviate(e.toString())
                + " blocks partition pruning and filter push-down",
            List.of(new Evidence("expression", abbreviate(e.toString()), "")),
            null);
      }
    }
  }

  private static List<String> columns(Expression e) {
    List<String> columns = new ArrayList<>();
    e.accept(
        new ExpressionVisitorAdapter<Void>() {
          @Override
          public <S> Void visit(Column column, S c) {
            String name = column.getColumnName().toLowerCase(Locale.ROOT);
            if (!NOT_COLUMNS.contains(name) && !name.startsWith(SqlLinter.PARAMETER)) {
              columns.add(column.getFullyQualifiedName());
            }
            return null;
          }

          @Override
          public <S> Void visit(ParenthesedSelect select, S c) {
            return null;
          }
        },
        null);
    return columns;
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() <= 80 ? one : one.substring(0, 79) + "…";
  }

  private int line(Object node) {
    return line(node, fallbackLine);
  }

  private int line(Object node, int otherwise) {
    if (node instanceof ASTNodeAccess access) {
      SimpleNode ast = access.getASTNode();
      if (ast != null && ast.jjtGetFirstToken() != null) {
        return lineBase + ast.jjtGetFirstToken().beginLine;
      }
    }
    return otherwise;
  }

  /** Finds nested queries and window functions inside expressions. */
  private final class Scanner extends ExpressionVisitorAdapter<Void> {
    private final PlainSelect owner;

    Scanner(PlainSelect owner) {
      this.owner = owner;
    }

    @Override
    public <S> Void visit(ExistsExpression exists, S context) {
      if (exists.getRightExpression() instanceof Select s) {
        select(s, true);
      }
      return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
      select(select, false);
      return null;
    }

    @Override
    public <S> Void visit(Select select, S context) {
      select(select, false);
      return null;
    }

    @Override
    public <S> Void visit(AnalyticExpression a, S context) {
      if (a.getType() == AnalyticType.OVER || a.getType() == AnalyticType.WITHIN_GROUP_OVER) {
        window(a);
      }
      return super.visit(a, context);
    }

    private void window(AnalyticExpression a) {
      List<?> partition = a.getPartitionExpressionList();
      if (a.getWindowName() != null) {
        WindowDefinition named = named(a.getWindowName());
        if (named == null) {
          return; // defined elsewhere: nothing to judge
        }
        partition = named.getPartitionExpressionList();
      }
      if (partition == null || partition.isEmpty()) {
        out.add(
            LintRule.UNPARTITIONED_WINDOW,
            line(a, fallbackLine),
            "Window " + a.getName() + "(…) OVER without PARTITION BY runs in a single task",
            List.of(new Evidence("window", abbreviate(a.toString()), "")),
            null);
      }
    }

    private WindowDefinition named(String name) {
      if (owner == null || owner.getWindowDefinitions() == null) {
        return null;
      }
      for (WindowDefinition d : owner.getWindowDefinitions()) {
        if (name.equalsIgnoreCase(d.getWindowName())) {
          return d;
        }
      }
      return null;
    }
  }
}
