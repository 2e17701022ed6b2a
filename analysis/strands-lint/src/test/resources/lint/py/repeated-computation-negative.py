from pyspark.sql import functions as F

# cached before the actions
orders = spark.read.parquet("s3://retail/orders")
orders.cache()
print(orders.count())
orders.show(5)

# cached in the assignment
paid = orders.filter(F.col("status") == "paid").persist()
paid.count()
paid.write.parquet("s3://out/paid")

# count("*") inside agg is a column function, not an action; groupBy().count() is a transformation
sales = spark.table("sales")
summary = sales.groupBy("store_id").agg(F.count("*").alias("n"), F.countDistinct("customer_id"))
by_store = sales.groupBy("store_id").count()
sales.agg(F.count("*")).show()

# reassigned between the actions: a different DataFrame each time
daily = spark.table("daily")
daily.show()
daily = spark.table("daily_v2")
daily.show()

# strings and comments are not code: daily.collect() daily.count()
note = "daily.collect() and daily.count() are only words here"
doc = """
daily.collect()
"""
