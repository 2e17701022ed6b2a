SELECT order_id,
       ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS customer_rank
FROM orders;

SELECT order_id, RANK() OVER w AS r FROM orders WINDOW w AS (PARTITION BY store_id ORDER BY amount);

SELECT customer_id, COUNT(*) FROM orders GROUP BY customer_id ORDER BY customer_id;
