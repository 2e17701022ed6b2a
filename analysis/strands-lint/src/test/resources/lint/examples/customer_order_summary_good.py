"""Customer order summary, corrected twin of customer_order_summary_bad.py."""
# strands: small-table dim_store, dim_promotion
from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql.functions import broadcast

spark = SparkSession.builder.appName("customer-order-summary").getOrCreate()

sales = spark.read.parquet("s3://retail/warehouse/sales/")
customers = spark.table("retail.dim_customer")
stores = spark.table("retail.dim_store")
promotions = spark.read.parquet("s3://retail/warehouse/dim_promotion")

# A range on the bare column: partitions outside 2024 are never read.
orders_2024 = sales.filter((F.col("order_date") >= "2024-01-01") & (F.col("order_date") < "2025-01-01"))

enriched = (
    orders_2024
    .join(customers, "customer_id")
    .join(broadcast(stores), "store_id")
    .join(broadcast(promotions), "promotion_id", "left")
).cache()

# Rank orders within each customer.
by_customer = Window.partitionBy("customer_id").orderBy(F.desc("amount"))
ranked = enriched.withColumn("rank", F.row_number().over(by_customer))

summary = ranked.groupBy("customer_id").agg(
    F.count("*").alias("orders"),
    F.sum("amount").alias("revenue"),
)

print("orders:", enriched.count())
enriched.write.mode("overwrite").parquet("s3://retail/reports/enriched/")

top = spark.sql("""
    SELECT s.order_id, s.amount, d.calendar_date
    FROM retail.sales s
    JOIN retail.dim_date d ON s.date_key = d.date_key
    WHERE s.channel = 'ONLINE'
""")
top.show()

top_orders = ranked.filter(F.col("rank") <= 10).limit(1000).toPandas()
summary.write.mode("overwrite").parquet("s3://retail/reports/summary/")
enriched.unpersist()
