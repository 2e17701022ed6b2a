-- strands: small-table dim_store
SELECT f.order_id, s.region
FROM sales f
JOIN retail.dim_store s ON f.store_id = s.store_id;

SELECT /*+ BROADCAST(c) */ f.order_id, s.region
FROM sales f
JOIN customers c ON f.customer_id = c.customer_id
JOIN dim_store s ON f.store_id = s.store_id;
