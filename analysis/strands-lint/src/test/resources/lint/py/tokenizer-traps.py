from pyspark.sql import functions as F

query = """
    SELECT *
    FROM sales
"""
first = spark.sql(query)

day = "2024-01-01"
second = spark.sql(f"SELECT order_id FROM sales WHERE order_date = '{day}'")

third = spark.table("sales") \
    .filter(F.col("amount") > 0) \
    .select("*")

fourth = (spark.table("sales")
          .where(F.col("x") > 1)
          .crossJoin(spark.table("stores")))

fifth = spark.sql(
    "SELECT order_id "
    "FROM sales s, stores t"
)
escaped = 'it\'s not a .collect() call'
