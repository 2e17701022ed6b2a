// Customer order summary in Scala, with anti-patterns on purpose (twin: CustomerOrderSummaryGood.scala).
// strands: small-table dim_store
package retail

import org.apache.spark.sql.SparkSession
import org.apache.spark.sql.expressions.Window
import org.apache.spark.sql.functions._

object CustomerOrderSummaryBad {
  def main(args: Array[String]): Unit = {
    val spark = SparkSession.builder().appName("customer-order-summary").getOrCreate()
    import spark.implicits._

    val sales = spark.read.parquet("s3://retail/warehouse/sales/")
    val stores = spark.table("retail.dim_store")
    val dates = spark.table("retail.dim_date")

    val enriched = sales
      .filter(year($"order_date") === 2024)
      .join(stores, Seq("store_id"))
      .crossJoin(dates)

    val ranked = enriched
      .withColumn("rank", row_number().over(Window.orderBy($"amount".desc)))

    val n = ranked.count()
    println(s"rows: $n")
    ranked.write.mode("overwrite").parquet("s3://retail/reports/ranked/")

    val top = spark.sql(
      s"""SELECT *
         |FROM retail.sales
         |WHERE date_format(order_date, 'yyyy') = '${args(0)}'""".stripMargin)
    val rows = top.collect()
  }
}
