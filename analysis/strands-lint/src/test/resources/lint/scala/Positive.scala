// strands: small-table dim_store
import org.apache.spark.sql.expressions.Window
import org.apache.spark.sql.functions._

object Positive {
  def run(spark: SparkSession): Unit = {
    import spark.implicits._
    val stores = spark.table("dim_store")
    val sales = spark.read.parquet("s3://retail/sales")
    val all = sales.select("*")
    val pairs = sales
      .crossJoin(stores)
    val noKeys = sales.join(stores)
    val w = Window.orderBy($"amount")
    val filtered = sales.filter(upper($"country") === "BR")
    filtered.count()
    filtered.show()
    val rows = sales.collect()
    val query = spark.sql("""
      SELECT *
      FROM sales
      WHERE year(order_date) = 2024""")
  }
}
