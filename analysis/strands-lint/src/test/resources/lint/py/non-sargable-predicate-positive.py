from pyspark.sql import functions as F

in_2024 = sales.filter(F.year("order_date") == 2024)
by_name = customers.where("upper(name) = 'ACME'")
joined = a.join(b, F.upper(a.code) == b.code)
recent = sales.filter(F.col("amount") > 10).filter(F.to_date(F.col("ts")) >= "2024-01-01")
