from pyspark.sql import functions as F

in_2024 = sales.filter((F.col("order_date") >= "2024-01-01") & (F.col("order_date") < "2025-01-01"))
today = sales.filter(F.col("order_date") == F.current_date())
with_year = sales.withColumn("year", F.year("order_date"))
by_name = customers.where("name = 'ACME'")
constant = sales.filter(F.col("d") >= F.to_date(F.lit("2024-01-01")))
