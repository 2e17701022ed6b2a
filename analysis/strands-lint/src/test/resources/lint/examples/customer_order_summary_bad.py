"""Customer order summary: joins the sales fact with its dimensions and writes a daily report.

This version has anti-patterns on purpose; customer_order_summary_good.py is the corrected twin.
"""
# strands: small-table dim_store, dim_promotion
from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F

spark = SparkSession.builder.appName("customer-order-summary").getOrCreate()

sales = spark.read.parquet("s3://retail/warehouse/sales/")
customers = spark.table("retail.dim_customer")
stores = spark.table("retail.dim_store")
promotions = spark.read.parquet("s3://retail/warehouse/dim_promotion")

# Only 2024 orders: year() hides order_date from partition pruning.
orders_2024 = sales.filter(F.year("order_date") == 2024)

enriched = (
    orders_2024
    .join(customers, "customer_id")
    .join(stores, "store_id")
    .join(promotions, "promotion_id", "left")
)

# Rank every order by amount: a window with no partitionBy.
ranked = enriched.withColumn("rank", F.row_number().over(Window.orderBy(F.desc("amount"))))

summary = ranked.groupBy("customer_id").agg(
    F.count("*").alias("orders"),
    F.sum("amount").alias("revenue"),
)

print("orders:", enriched.count())
enriched.write.mode("overwrite").parquet("s3://retail/reports/enriched/")

top = spark.sql("""
    SELECT *
    FROM retail.sales s, retail.dim_date d
    WHERE upper(s.channel) = 'ONLINE'
""")
top.show()

all_rows = ranked.toPandas()
summary.write.mode("overwrite").parquet("s3://retail/reports/summary/")
