from pyspark.sql import Window
from pyspark.sql import functions as F

per_customer = Window.partitionBy("customer_id").orderBy("amount")
reordered = Window.orderBy("ts").partitionBy("store_id")
ranked = df.withColumn("rank", F.rank().over(Window.partitionBy("store_id").orderBy(F.desc("amount"))))
