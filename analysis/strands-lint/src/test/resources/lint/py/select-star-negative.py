from pyspark.sql import functions as F

totals = spark.table("sales").agg(F.count("*").alias("orders"))
some = spark.table("sales").select("order_id", "amount")
n = spark.sql("SELECT COUNT(*) AS n FROM sales")
# df.select("*") in a comment
doc = "df.select('*') in a string"
