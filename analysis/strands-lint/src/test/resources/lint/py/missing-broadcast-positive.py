# strands: small-table dim_store
stores = spark.table("retail.dim_store")
sales = spark.read.parquet("s3://retail/sales")

enriched = sales.join(stores, "store_id")
inline = sales.join(spark.table("dim_store"), "store_id")
