-- Customer order summary in Spark SQL, with anti-patterns on purpose.
-- The corrected twin is customer_order_summary_good.sql.
-- strands: small-table dim_store, dim_promotion

CREATE OR REPLACE TEMP VIEW orders_2024 AS
SELECT *
FROM retail.sales
WHERE year(order_date) = 2024;

CREATE OR REPLACE TEMP VIEW enriched AS
SELECT o.order_id, o.customer_id, o.amount, c.segment, s.region, p.promo_name
FROM orders_2024 o
JOIN retail.dim_customer c ON o.customer_id = c.customer_id
JOIN retail.dim_store s ON o.store_id = s.store_id
LEFT JOIN retail.dim_promotion p ON o.promotion_id = p.promotion_id;

SELECT order_id,
       amount,
       ROW_NUMBER() OVER (ORDER BY amount DESC) AS overall_rank
FROM enriched;

SELECT c.customer_id, d.calendar_date
FROM retail.dim_customer c, retail.dim_date d
WHERE UPPER(c.country) = 'BR';

CACHE TABLE vip AS
SELECT customer_id, SUM(amount) AS revenue
FROM enriched
GROUP BY customer_id
DISTRIBUTE BY customer_id;
