from pyspark.sql import functions as F

orders = spark.read.parquet("s3://retail/orders").filter(F.col("status") == "paid")
print(orders.count())
orders.show(5)

enriched = orders.join(customers, "customer_id")
enriched.write.mode("overwrite").parquet("s3://out/enriched")
total = enriched.agg(F.sum("amount")).first()
