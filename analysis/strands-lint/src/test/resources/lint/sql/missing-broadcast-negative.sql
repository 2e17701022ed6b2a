-- strands: small-table dim_store, dim_date
SELECT /*+ BROADCAST(s) */ f.order_id, s.region
FROM sales f
JOIN retail.dim_store s ON f.store_id = s.store_id;

SELECT /*+ MAPJOIN(dim_date) */ f.order_id, dim_date.day
FROM sales f
JOIN dim_date ON f.date_key = dim_date.date_key;

SELECT f.order_id, c.segment
FROM sales f
JOIN customers c ON f.customer_id = c.customer_id;

SELECT region FROM dim_store;
