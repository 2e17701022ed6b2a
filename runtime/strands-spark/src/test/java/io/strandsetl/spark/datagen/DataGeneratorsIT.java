package io.strandsetl.spark.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strandsetl.model.StrandsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGeneratorsIT {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("datagen-it")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private Dataset<Row> read(GeneratedDataset d, String table) {
    return spark.read().parquet(d.table(table).toString());
  }

  @Test
  void retailStarSchemaHasConsistentKeysSkewAndNulls(@TempDir Path dir) {
    RetailDataGenerator gen = new RetailDataGenerator(spark, 0.02, 7);
    GeneratedDataset d = gen.generate(dir.resolve("retail"));

    assertThat(d.rowCounts().keySet())
        .containsExactly("date_dim", "promotion", "store", "product", "customer", "sales");
    for (var e : d.rowCounts().entrySet()) {
      assertThat(read(d, e.getKey()).count()).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(d.rowCounts().get("sales")).isEqualTo(20_000L);

    Dataset<Row> sales = read(d, "sales");
    sales.createOrReplaceTempView("sales");
    read(d, "customer").createOrReplaceTempView("customer");
    read(d, "product").createOrReplaceTempView("product");
    read(d, "store").createOrReplaceTempView("store");
    read(d, "date_dim").createOrReplaceTempView("date_dim");
    read(d, "promotion").createOrReplaceTempView("promotion");
    // Every non-null foreign key finds its dimension row.
    long orphans =
        spark
            .sql(
                "SELECT count(*) FROM sales s "
                    + "LEFT JOIN customer c ON s.customer_id = c.customer_id "
                    + "LEFT JOIN product p ON s.product_id = p.product_id "
                    + "LEFT JOIN store st ON s.store_id = st.store_id "
                    + "LEFT JOIN date_dim dd ON s.date_key = dd.date_key "
                    + "LEFT JOIN promotion pr ON s.promotion_id = pr.promotion_id "
                    + "WHERE (s.customer_id IS NOT NULL AND c.customer_id IS NULL) OR p.product_id IS NULL "
                    + "OR st.store_id IS NULL OR dd.date_key IS NULL "
                    + "OR (s.promotion_id IS NOT NULL AND pr.promotion_id IS NULL)")
            .first()
            .getLong(0);
    assertThat(orphans).isZero();
    // The hit product takes several percent of the sales; an average product well under 0.1%.
    long hit = sales.filter("product_id = 1").count();
    assertThat(hit).isGreaterThan(20_000L * 3 / 100);
    long noPromo = sales.filter("promotion_id IS NULL").count();
    assertThat(noPromo).isBetween(20_000L * 65 / 100, 20_000L * 80 / 100);
    assertThat(sales.filter("customer_id IS NULL").count()).isPositive();
    // Prices in the fact match the product list price.
    assertThat(
            spark
                .sql(
                    "SELECT count(*) FROM sales s JOIN product p USING (product_id) WHERE s.unit_price <> p.list_price")
                .first()
                .getLong(0))
        .isZero();
    // PII columns look like PII.
    Row c =
        spark
            .sql(
                "SELECT * FROM customer WHERE ssn IS NOT NULL AND card_number IS NOT NULL AND email IS NOT NULL ORDER BY customer_id LIMIT 1")
            .first();
    assertThat(c.<String>getAs("ssn")).matches("\\d{3}-\\d{2}-\\d{4}");
    assertThat(c.<String>getAs("email")).contains("@");
    assertThat(c.<String>getAs("zip_code")).matches("\\d{5}");
    assertThat(spark.sql("SELECT count(*) FROM customer WHERE email IS NULL").first().getLong(0))
        .isPositive();
  }

  @Test
  void retailOutputDependsOnSeedNotOnPartitioning(@TempDir Path dir) {
    GeneratedDataset a = new RetailDataGenerator(spark, 0.01, 11).generate(dir.resolve("a"));
    GeneratedDataset b = new RetailDataGenerator(spark, 0.01, 11).generate(dir.resolve("b"));
    GeneratedDataset c = new RetailDataGenerator(spark, 0.01, 12).generate(dir.resolve("c"));
    for (String table : List.of("sales", "customer", "product")) {
      Dataset<Row> ra = read(a, table).repartition(3);
      Dataset<Row> rb = read(b, table);
      assertThat(ra.exceptAll(rb).count()).as(table).isZero();
      assertThat(read(c, table).exceptAll(rb).count()).as(table).isPositive();
    }
    assertThat(RetailDataGenerator.existing(dir.resolve("a"), 0.01, 11)).isPresent();
    assertThat(RetailDataGenerator.existing(dir.resolve("a"), 0.02, 11)).isEmpty();
    assertThat(Files.exists(dir.resolve("a").resolve(DatasetMarker.FILE_NAME))).isTrue();
  }

  @Test
  void rejectsNonPositiveScale() {
    assertThatThrownBy(() -> new RetailDataGenerator(spark, 0, 1))
        .isInstanceOf(StrandsException.class)
        .hasMessageStartingWith("Invalid scale: 0.0");
  }

  @Test
  void tpchTablesMatchTheSpecificationRowCountsAtSmallScale(@TempDir Path dir) {
    GeneratedDataset d = new TpchDataGenerator(spark, 0.01).generate(dir.resolve("tpch"));
    assertThat(d.rowCounts())
        .containsEntry("region", 5L)
        .containsEntry("nation", 25L)
        .containsEntry("supplier", 100L)
        .containsEntry("customer", 1500L)
        .containsEntry("part", 2000L)
        .containsEntry("partsupp", 8000L)
        .containsEntry("orders", 15000L);
    assertThat(d.rowCounts().get("lineitem")).isBetween(55_000L, 65_000L);
    Dataset<Row> li = read(d, "lineitem");
    assertThat(li.schema().apply("l_shipdate").dataType().typeName()).isEqualTo("date");
    // Splitting in parts must not duplicate or lose orders: keys are unique and dense.
    Row keys = read(d, "orders").selectExpr("count(DISTINCT o_orderkey)", "count(*)").first();
    assertThat(keys.getLong(0)).isEqualTo(keys.getLong(1));
    assertThat(li.selectExpr("min(l_shipdate)").first().get(0).toString()).startsWith("1992-01");
  }
}
