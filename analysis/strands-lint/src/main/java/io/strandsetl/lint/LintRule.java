package io.strandsetl.lint;

import io.strandsetl.model.finding.Recommendation;
import io.strandsetl.model.finding.Severity;
import java.util.Map;

/**
 * The anti-patterns {@code strands lint} finds in code. Each id is the {@code type} of its findings
 * and is shared with the run-time detectors of {@code strands analyze}, so a lint finding and a
 * finding from a run of the same job can be matched. See docs/lint.md for what each rule matches.
 */
public enum LintRule {
  SELECT_STAR(
      "select-star",
      Severity.LOW,
      "Name the columns you need: Spark then reads only those columns from Parquet/ORC (column"
          + " pruning) and the job does not break or grow silently when the table gains columns.",
      "df = spark.table(\"sales\").select(\"order_id\", \"customer_id\", \"amount\")",
      "SELECT order_id, customer_id, amount FROM sales",
      "val df = spark.table(\"sales\").select(\"order_id\", \"customer_id\", \"amount\")"),
  CARTESIAN_JOIN(
      "cartesian-join",
      Severity.HIGH,
      "Join on keys: without a join condition every row meets every row (rows = left × right), which"
          + " is rarely meant and grows quadratically.",
      "orders.join(customers, orders.customer_id == customers.customer_id, \"inner\")",
      "SELECT … FROM orders o JOIN customers c ON o.customer_id = c.customer_id",
      "orders.join(customers, Seq(\"customer_id\"), \"inner\")"),
  UNPARTITIONED_WINDOW(
      "unpartitioned-window",
      Severity.HIGH,
      "Partition the window: a window without PARTITION BY moves every row into one partition, so"
          + " one task on one core does all the work (and may run out of memory).",
      "w = Window.partitionBy(\"customer_id\").orderBy(\"order_ts\")\n"
          + "df = df.withColumn(\"rn\", F.row_number().over(w))",
      "ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY order_ts)",
      "val w = Window.partitionBy(\"customer_id\").orderBy(\"order_ts\")"),
  REPEATED_COMPUTATION(
      "repeated-computation",
      Severity.MEDIUM,
      "Cache the DataFrame before using it in more than one action: every action otherwise recomputes"
          + " its whole lineage from the source (reads, joins, shuffles again). Unpersist it when done.",
      "df = df.cache()  # or df.persist(StorageLevel.MEMORY_AND_DISK)\n"
          + "n = df.count()\n"
          + "df.write.parquet(out)\n"
          + "df.unpersist()",
      "CACHE TABLE enriched AS SELECT …",
      "val cached = df.cache()\nval n = cached.count()\ncached.write.parquet(out)\ncached.unpersist()"),
  MISSING_BROADCAST(
      "missing-broadcast",
      Severity.MEDIUM,
      "Broadcast the small side of the join: each executor then gets a copy of the small table and"
          + " the large side is joined in place, without shuffling it.",
      "from pyspark.sql.functions import broadcast\n"
          + "facts.join(broadcast(dim_store), \"store_id\")",
      "SELECT /*+ BROADCAST(d) */ … FROM sales f JOIN dim_store d ON f.store_id = d.store_id",
      "import org.apache.spark.sql.functions.broadcast\nfacts.join(broadcast(dimStore), Seq(\"store_id\"))"),
  COLLECT_TO_DRIVER(
      "collect-to-driver",
      Severity.HIGH,
      "Do not pull an unbounded DataFrame into the driver: aggregate or limit first, or write the"
          + " result out and read it where it is needed; a large result fails the driver with"
          + " OutOfMemoryError or spark.driver.maxResultSize.",
      "rows = df.limit(1000).collect()\n"
          + "# or: df.write.parquet(out)  /  for row in df.toLocalIterator(): …",
      "SELECT … FROM t LIMIT 1000",
      "val rows = df.limit(1000).collect()"),
  NON_SARGABLE_PREDICATE(
      "non-sargable-predicate",
      Severity.MEDIUM,
      "Compare the bare column with a computed constant instead of applying a function to the column:"
          + " then Spark can prune partitions and push the filter into Parquet/ORC scans, and the"
          + " join can use the key as is.",
      "df.filter((F.col(\"order_date\") >= \"2024-01-01\") & (F.col(\"order_date\") < \"2025-01-01\"))",
      "WHERE order_date >= DATE '2024-01-01' AND order_date < DATE '2025-01-01'",
      "df.filter($\"order_date\" >= \"2024-01-01\" && $\"order_date\" < \"2025-01-01\")");

  private final String id;
  private final Severity severity;
  private final Recommendation recommendation;

  LintRule(String id, Severity severity, String summary, String pyspark, String sql, String scala) {
    this.id = id;
    this.severity = severity;
    this.recommendation = new Recommendation(summary, pyspark, sql, scala, Map.of());
  }

  /** The finding type, shared with {@code strands analyze} ({@code select-star}). */
  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  public Recommendation recommendation() {
    return recommendation;
  }
}
