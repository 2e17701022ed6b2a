// Customer order summary in Scala, corrected twin of CustomerOrderSummaryBad.scala.
// strands: small-table dim_store
package retail

import org.apache.spark.sql.SparkSession
import org.apache.spark.sql.expressions.Window
import org.apache.spark.sql.functions._

object CustomerOrderSummaryGood {
  def main(args: Array[String]): Unit = {
    val spark = SparkSession.builder().appName("customer-order-summary").getOrCreate()
    import spark.implicits._

    val sales = spark.read.parquet("s3://retail/warehouse/sales/")
    val stores = spark.table("retail.dim_store")
    val dates = spark.table("retail.dim_date")

    val enriched = sales
      .filter($"order_date" >= "2024-01-01" && $"order_date" < "2025-01-01")
      .join(broadcast(stores), Seq("store_id"))
      .join(dates, Seq("date_key"))

    val ranked = enriched
      .withColumn("rank", row_number().over(Window.partitionBy($"store_id").orderBy($"amount".desc)))
      .cache()

    val n = ranked.count()
    println(s"rows: $n")
    ranked.write.mode("overwrite").parquet("s3://retail/reports/ranked/")

    val top = spark.sql(
      s"""SELECT order_id, amount
         |FROM retail.sales
         |WHERE order_date >= '${args(0)}-01-01'
         |LIMIT 100""".stripMargin)
    val rows = top.collect()
    ranked.unpersist()
  }
}
