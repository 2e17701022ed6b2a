# strands: small-table dim_store
from pyspark.sql import functions as F
from pyspark.sql.functions import broadcast

stores = spark.table("retail.dim_store")
sales = spark.read.parquet("s3://retail/sales")
customers = spark.table("retail.dim_customer")

a = sales.join(broadcast(stores), "store_id")
b = sales.join(F.broadcast(stores), "store_id")
c = sales.join(stores.hint("broadcast"), "store_id")
small = broadcast(spark.table("dim_store"))
d = sales.join(small, "store_id")
e = sales.join(customers, "customer_id")
