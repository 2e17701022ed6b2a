from pyspark.sql import functions as F

sample = spark.table("sales").limit(100).collect()
per_store = spark.table("sales").groupBy("store_id").agg(F.sum("amount")).collect()
totals = spark.table("sales").agg(F.sum("amount").alias("total"))
total = totals.collect()
few = spark.sql("SELECT order_id FROM sales LIMIT 10").collect()
# spark.table("sales").collect() in a comment
text = "spark.table('sales').collect() in a string"
doc = f"""{spark} .collect()"""
