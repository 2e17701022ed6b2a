-- Customer order summary in Spark SQL, corrected twin of customer_order_summary_bad.sql.
-- strands: small-table dim_store, dim_promotion

CREATE OR REPLACE TEMP VIEW orders_2024 AS
SELECT order_id, customer_id, store_id, promotion_id, amount, order_date
FROM retail.sales
WHERE order_date >= DATE '2024-01-01' AND order_date < DATE '2025-01-01';

CREATE OR REPLACE TEMP VIEW enriched AS
SELECT /*+ BROADCAST(s, p) */ o.order_id, o.customer_id, o.amount, c.segment, s.region, p.promo_name
FROM orders_2024 o
JOIN retail.dim_customer c ON o.customer_id = c.customer_id
JOIN retail.dim_store s ON o.store_id = s.store_id
LEFT JOIN retail.dim_promotion p ON o.promotion_id = p.promotion_id;

SELECT order_id,
       amount,
       ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS customer_rank
FROM enriched;

SELECT c.customer_id, c.segment
FROM retail.dim_customer c
WHERE c.country = 'BR'
  AND EXISTS (SELECT * FROM enriched e WHERE e.customer_id = c.customer_id);

CACHE TABLE vip AS
SELECT customer_id, SUM(amount) AS revenue
FROM enriched
GROUP BY customer_id
DISTRIBUTE BY customer_id;
