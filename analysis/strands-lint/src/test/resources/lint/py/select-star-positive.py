from pyspark.sql import functions as F

everything = spark.table("sales").select("*")
again = spark.table("sales").selectExpr("*", "amount * 2 AS double_amount")
spark.sql("SELECT * FROM sales").createOrReplaceTempView("s")
