package io.strandsetl.spark.datagen;

import static org.apache.spark.sql.functions.*;

import io.strandsetl.model.ErrorCode;
import io.strandsetl.model.StrandsException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The retail star schema of the demo: a {@code sales} fact and five dimensions ({@code customer},
 * {@code product}, {@code store}, {@code date_dim}, {@code promotion}), one parquet folder each.
 *
 * <p>Everything is computed inside Spark from {@code spark.range} ids: the fact and the small
 * dimensions with hash-based column expressions ({@code xxhash64(seed, salt, id)}), the customers
 * with a per-row function. No row passes through the driver, so the same code scales from a laptop
 * to a cluster, and the output depends only on (scale, seed) — never on the partitioning.
 *
 * <p>Sizes at scale s: {@code 1,000,000·s} sales, {@code 100,000·s} customers, {@code 10,000·s}
 * products, {@code 100·s} stores (at least 10), 300 promotions, 1,096 days (2022-01-01 to
 * 2024-12-31). Skews on purpose: 4% of sales are one hit product and the rest follow a power law, a
 * tenth of the stores take about 40% of the sales, a sixth of the sales fall in the holiday weeks.
 * Nulls where real data has them: anonymous sales have no customer, most sales have no promotion,
 * customers leave out e-mail, phone, SSN, card or birth date.
 */
public final class RetailDataGenerator {
  public static final String NAME = "retail";
  public static final double DEFAULT_SCALE = 1.0;
  public static final long DEFAULT_SEED = 42L;
  static final long BASE_SALES = 1_000_000L;
  static final int DAYS = 1096; // 2022-01-01 .. 2024-12-31
  static final int PROMOTIONS = 300;

  /** Rows per generated partition (≈ one parquet file); sizes files near 30-60 MB for the fact. */
  static final long ROWS_PER_PARTITION = 1_000_000L;

  private final SparkSession spark;
  private final double scale;
  private final long seed;

  public RetailDataGenerator(SparkSession spark, double scale, long seed) {
    if (!(scale > 0) || scale > 100_000) {
      throw new StrandsException(
          ErrorCode.INVALID_ARGUMENT,
          "Invalid scale: " + scale + " (must be > 0 and ≤ 100000; 1 ≈ 1M sales rows)");
    }
    this.spark = spark;
    this.scale = scale;
    this.seed = seed;
  }

  public long salesRows() {
    return Math.max(1000L, Math.round(BASE_SALES * scale));
  }

  public long customers() {
    return Math.max(100L, Math.round(100_000 * scale));
  }

  public long products() {
    return Math.max(50L, Math.round(10_000 * scale));
  }

  public long stores() {
    return Math.max(10L, Math.round(100 * scale));
  }

  /**
   * The complete dataset in {@code out}, if one was generated there with this scale and seed. Needs
   * no Spark: callers check before they start a session.
   */
  public static Optional<GeneratedDataset> existing(Path out, double scale, long seed) {
    return DatasetMarker.read(out, NAME, scale, seed);
  }

  /** Writes every table under {@code out} (replacing what is there), then the completion marker. */
  public GeneratedDataset generate(Path out) {
    long start = System.nanoTime();
    Map<String, Long> rows = new LinkedHashMap<>();
    write(dateDim(), out, "date_dim", DAYS, rows);
    write(promotion(), out, "promotion", PROMOTIONS, rows);
    write(store(), out, "store", stores(), rows);
    write(product(), out, "product", products(), rows);
    write(customer(), out, "customer", customers(), rows);
    write(sales(), out, "sales", salesRows(), rows);
    GeneratedDataset d =
        new GeneratedDataset(NAME, out, scale, seed, rows, (System.nanoTime() - start) / 1_000_000);
    DatasetMarker.write(d);
    return d;
  }

  private void write(Dataset<Row> df, Path out, String table, long count, Map<String, Long> rows) {
    spark.sparkContext().setJobDescription("strands generate retail: " + table);
    df.write().mode(SaveMode.Overwrite).parquet(out.resolve(table).toString());
    rows.put(table, count);
  }

  /** One partition per million rows; big tables get at least one per core, so every core works. */
  private int partitions(long count) {
    int byRows = (int) Math.max(1, (count + ROWS_PER_PARTITION - 1) / ROWS_PER_PARTITION);
    return count >= 200_000 ? Math.max(byRows, spark.sparkContext().defaultParallelism()) : byRows;
  }

  private Dataset<Row> ids(long count) {
    return spark.range(0, count, 1, partitions(count)).toDF();
  }

  /**
   * A uniform double in [0, 1) from (seed, salt, id): the same for the same row, whatever the
   * partitioning.
   */
  Column u(String salt, Column id) {
    return shiftrightunsigned(xxhash64(lit(seed), lit(salt), id), 11)
        .cast("double")
        .multiply(lit(0x1.0p-53));
  }

  /** One of {@code values}, chosen by the uniform {@code u}. */
  static Column pick(String[] values, Column u) {
    return element_at(literals(values), floor(u.multiply(values.length)).cast("int").plus(1));
  }

  /** A constant array; Spark folds it once per query, so indexing it per row is cheap. */
  static Column literals(String[] values) {
    return array(Arrays.stream(values).map(v -> lit(v)).toArray(Column[]::new));
  }

  /** An integer in [1, n] from the uniform {@code u}. */
  static Column oneTo(long n, Column u) {
    return floor(u.multiply(n)).plus(1);
  }

  /**
   * List price of a product, in dollars: 1.99 to 599.99, most of them cheap. Used by product and
   * sales.
   */
  Column listPrice(Column productId) {
    return round(lit(1.99).plus(pow(u("price", productId), 2.2).multiply(598)), 2)
        .cast("decimal(10,2)");
  }

  /**
   * Discount of a promotion as a fraction: 0.05 to 0.50 in steps of 0.05. Used by promotion and
   * sales.
   */
  Column discountPct(Column promotionId) {
    return floor(u("discount", promotionId).multiply(10))
        .plus(1)
        .multiply(0.05)
        .cast("decimal(4,2)");
  }

  Dataset<Row> dateDim() {
    Column d = date_add(lit("2022-01-01").cast("date"), col("id").cast("int"));
    Column thanksgiving =
        month(d).equalTo(11).and(dayofweek(d).equalTo(5)).and(dayofmonth(d).between(22, 28));
    Column blackFriday =
        month(d).equalTo(11).and(dayofweek(d).equalTo(6)).and(dayofmonth(d).between(23, 29));
    Column holiday =
        when(month(d).equalTo(1).and(dayofmonth(d).equalTo(1)), "New Year's Day")
            .when(month(d).equalTo(7).and(dayofmonth(d).equalTo(4)), "Independence Day")
            .when(thanksgiving, "Thanksgiving")
            .when(blackFriday, "Black Friday")
            .when(month(d).equalTo(12).and(dayofmonth(d).equalTo(24)), "Christmas Eve")
            .when(month(d).equalTo(12).and(dayofmonth(d).equalTo(25)), "Christmas Day");
    return spark
        .range(0, DAYS, 1, 1)
        .select(
            year(d)
                .multiply(10000)
                .plus(month(d).multiply(100))
                .plus(dayofmonth(d))
                .cast("int")
                .as("date_key"),
            d.as("full_date"),
            year(d).as("year"),
            quarter(d).as("quarter"),
            month(d).as("month"),
            date_format(d, "MMMM").as("month_name"),
            dayofmonth(d).as("day_of_month"),
            dayofweek(d).as("day_of_week"),
            date_format(d, "EEEE").as("day_name"),
            weekofyear(d).as("week_of_year"),
            dayofweek(d).isin(1, 7).as("is_weekend"),
            holiday.isNotNull().as("is_holiday"),
            holiday.as("holiday_name"),
            // Retail fiscal years start in February (the NRF 4-5-4 calendar, simplified).
            when(month(d).geq(2), year(d).plus(1)).otherwise(year(d)).as("fiscal_year"));
  }

  Dataset<Row> promotion() {
    Column id = col("id").plus(1);
    Column type = pick(RetailVocabulary.PROMO_TYPES, u("promo-type", id));
    Column start =
        date_add(
            lit("2022-01-01").cast("date"),
            floor(u("promo-start", id).multiply(DAYS - 30)).cast("int"));
    return spark
        .range(0, PROMOTIONS, 1, 1)
        .select(
            id.as("promotion_id"),
            concat(initcap(regexp_replace(type, "_", " ")), lit(" #"), id).as("promotion_name"),
            type.as("promo_type"),
            discountPct(id).as("discount_pct"),
            start.as("start_date"),
            date_add(start, floor(u("promo-days", id).multiply(28)).cast("int").plus(3))
                .as("end_date"),
            pick(new String[] {"all", "all", "store", "online"}, u("promo-channel", id))
                .as("channel"),
            // Budgets are often unknown for small local promotions.
            when(u("promo-budget-null", id).lt(0.2), lit(null).cast("decimal(12,2)"))
                .otherwise(
                    round(lit(1000).plus(u("promo-budget", id).multiply(99000)), -2)
                        .cast("decimal(12,2)"))
                .as("budget_usd"));
  }

  Dataset<Row> store() {
    Column id = col("id").plus(1);
    Column cityIdx =
        floor(u("store-city", id).multiply(RetailVocabulary.CITIES.length)).cast("int").plus(1);
    String[][] c = RetailVocabulary.CITIES;
    Column city =
        element_at(literals(Arrays.stream(c).map(x -> x[0]).toArray(String[]::new)), cityIdx);
    Column state =
        element_at(literals(Arrays.stream(c).map(x -> x[1]).toArray(String[]::new)), cityIdx);
    Column zip3 =
        element_at(literals(Arrays.stream(c).map(x -> x[2]).toArray(String[]::new)), cityIdx);
    Column area =
        element_at(literals(Arrays.stream(c).map(x -> x[3]).toArray(String[]::new)), cityIdx);
    Column type = pick(RetailVocabulary.STORE_TYPES, u("store-type", id));
    return ids(stores())
        .select(
            id.as("store_id"),
            concat(lit("Strands Market "), city, lit(" #"), id).as("store_name"),
            type.as("store_type"),
            concat(
                    floor(u("store-no", id).multiply(9000)).plus(100),
                    lit(" "),
                    pick(RetailVocabulary.STREET_NAMES, u("store-street", id)),
                    lit(" St"))
                .as("street_address"),
            city.as("city"),
            state.as("state"),
            concat(zip3, lpad(floor(u("store-zip", id).multiply(100)).cast("string"), 2, "0"))
                .as("zip_code"),
            concat(
                    lit("("),
                    area,
                    lit(") "),
                    floor(u("store-ex", id).multiply(700)).plus(200),
                    lit("-"),
                    lpad(floor(u("store-line", id).multiply(10000)).cast("string"), 4, "0"))
                .as("phone"),
            when(type.equalTo("flagship"), lit(60000))
                .when(type.equalTo("express"), lit(4000))
                .otherwise(lit(15000))
                .plus(floor(u("store-sqft", id).multiply(10000)))
                .cast("int")
                .as("square_feet"),
            date_add(
                    lit("2005-01-01").cast("date"),
                    floor(u("store-open", id).multiply(6000)).cast("int"))
                .as("opened_date"),
            when(u("store-mgr-null", id).lt(0.05), lit(null).cast("string"))
                .otherwise(
                    concat(
                        pick(RetailVocabulary.FIRST_NAMES, u("store-mgr-f", id)),
                        lit(" "),
                        pick(RetailVocabulary.LAST_NAMES, u("store-mgr-l", id))))
                .as("manager_name"));
  }

  Dataset<Row> product() {
    Column id = col("id").plus(1);
    Column cat =
        floor(u("product-cat", id).multiply(RetailVocabulary.CATEGORIES.length)).cast("int");
    Column noun =
        element_at(
            literals(RetailVocabulary.NOUNS),
            cat.multiply(5).plus(floor(u("product-noun", id).multiply(5)).cast("int")).plus(1));
    Column category = element_at(literals(RetailVocabulary.CATEGORIES), cat.plus(1));
    Column brand = pick(RetailVocabulary.BRANDS, u("product-brand", id));
    Column price = listPrice(id);
    return ids(products())
        .select(
            id.as("product_id"),
            concat(lit("SKU-"), lpad(id.cast("string"), 8, "0")).as("sku"),
            concat_ws(" ", brand, pick(RetailVocabulary.ADJECTIVES, u("product-adj", id)), noun)
                .as("product_name"),
            brand.as("brand"),
            category.as("category"),
            noun.as("subcategory"),
            price.as("list_price"),
            round(price.multiply(lit(0.35).plus(u("product-cost", id).multiply(0.35))), 2)
                .cast("decimal(10,2)")
                .as("unit_cost"),
            // Groceries and beauty products have no colour.
            when(category.isin("Grocery", "Beauty"), lit(null).cast("string"))
                .otherwise(pick(RetailVocabulary.COLORS, u("product-color", id)))
                .as("color"),
            round(lit(0.05).plus(pow(u("product-weight", id), 2).multiply(25)), 3).as("weight_kg"),
            u("product-active", id).geq(0.08).as("is_active"),
            date_add(
                    lit("2015-01-01").cast("date"),
                    floor(u("product-launch", id).multiply(3600)).cast("int"))
                .as("launch_date"));
  }

  Dataset<Row> customer() {
    Dataset<Row> raw =
        spark
            .range(0, customers(), 1, (int) Math.max(1, customers() / 500_000 + 1))
            .map(new CustomerRows(seed), Encoders.row(CustomerRows.RAW_SCHEMA));
    // ids start at 1 (RowFactory got the range id; shift it here so the fact's keys match).
    return raw.select(
        col("customer_id").plus(1).as("customer_id"),
        col("first_name"),
        col("last_name"),
        col("email"),
        col("phone"),
        col("ssn"),
        col("card_number"),
        col("card_brand"),
        col("street_address"),
        col("address_line2"),
        col("city"),
        col("state"),
        col("zip_code"),
        col("country"),
        date_from_unix_date(col("birth_epoch_day")).as("birth_date"),
        col("gender"),
        col("loyalty_tier"),
        date_from_unix_date(col("signup_epoch_day")).as("signup_date"),
        col("marketing_opt_in"),
        col("preferred_channel"));
  }

  Dataset<Row> sales() {
    Column id = col("id");
    // A sixth of the sales fall in the six holiday weeks (from 20 November) of one of the three
    // years.
    Column yearOffset =
        element_at(
            array(lit(0), lit(365), lit(730)),
            floor(u("sale-year", id).multiply(3)).cast("int").plus(1));
    Column dayIndex =
        when(
                u("sale-season", id).lt(0.17),
                yearOffset.plus(323).plus(floor(u("sale-hday", id).multiply(42))))
            .otherwise(floor(u("sale-day", id).multiply(DAYS)))
            .cast("int");
    Column day = date_add(lit("2022-01-01").cast("date"), dayIndex);
    Column productId =
        when(u("sale-hit", id).lt(0.04), lit(1L))
            .otherwise(oneTo(products(), pow(u("sale-product", id), 3)));
    Column promotionId =
        when(u("sale-promo-null", id).lt(0.72), lit(null).cast("bigint"))
            .otherwise(oneTo(PROMOTIONS, u("sale-promo", id)));
    Column quantity = floor(pow(u("sale-qty", id), 3).multiply(10)).plus(1).cast("int");
    Column gross = listPrice(productId).multiply(quantity).cast("decimal(12,2)");
    Column discount =
        when(promotionId.isNull(), lit(0))
            .otherwise(round(gross.multiply(discountPct(promotionId)), 2))
            .cast("decimal(12,2)");
    return ids(salesRows())
        .select(
            id.plus(1).as("sale_id"),
            year(day)
                .multiply(10000)
                .plus(month(day).multiply(100))
                .plus(dayofmonth(day))
                .cast("int")
                .as("date_key"),
            // 3% of sales are anonymous (no loyalty card shown): no customer key.
            when(u("sale-anon", id).lt(0.03), lit(null).cast("bigint"))
                .otherwise(oneTo(customers(), pow(u("sale-customer", id), 1.3)))
                .as("customer_id"),
            productId.as("product_id"),
            oneTo(stores(), pow(u("sale-store", id), 2.5)).as("store_id"),
            promotionId.as("promotion_id"),
            pick(RetailVocabulary.CHANNELS, u("sale-channel", id)).as("channel"),
            pick(RetailVocabulary.PAYMENT_METHODS, u("sale-payment", id)).as("payment_method"),
            quantity.as("quantity"),
            listPrice(productId).as("unit_price"),
            gross.as("gross_amount"),
            discount.as("discount_amount"),
            gross.minus(discount).cast("decimal(12,2)").as("net_amount"),
            round(gross.minus(discount).multiply(0.0725), 2).cast("decimal(12,2)").as("tax_amount"),
            floor(lit(8).plus(u("sale-hour", id).multiply(14))).cast("int").as("sale_hour"));
  }
}
