from pyspark.sql import Window
from pyspark.sql.window import Window as W
from pyspark.sql import functions as F

overall = Window.orderBy("amount")
running = W.orderBy("ts").rowsBetween(Window.unboundedPreceding, Window.currentRow)
ranked = df.withColumn("rank", F.rank().over(Window.orderBy(F.desc("amount"))))
