rows = spark.table("sales").collect()
events = spark.read.json("s3://raw/events")
frame = events.filter(events.kind == "click").toPandas()
everything = spark.sql("SELECT order_id FROM sales").collect()
