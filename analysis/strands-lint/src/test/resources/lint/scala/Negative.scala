// strands: small-table dim_store
import org.apache.spark.sql.expressions.Window
import org.apache.spark.sql.functions._

object Negative {
  def run(spark: SparkSession): Unit = {
    import spark.implicits._
    val stores = spark.table("dim_store")
    val sales = spark.read.parquet("s3://retail/sales")
    val some = sales.select($"order_id", $"amount")
    val joined = sales
      .join(broadcast(stores), Seq("store_id"))
    val w = Window.partitionBy($"store_id").orderBy($"amount")
    val filtered = sales.filter($"country" === "BR").cache()
    filtered.count()
    filtered.show()
    val summary = sales.groupBy($"store_id").agg(count("*").as("n")).collect()
    val firstRows = stores.limit(10).collect()
    /* sales.collect() in a block comment /* nested */ still a comment */
    // sales.collect() in a line comment
    val text = "sales.collect()"
    val q = s"SELECT order_id FROM sales WHERE dt = '$day' AND store = ${store.id}"
    val r = spark.sql(q)
  }
}
