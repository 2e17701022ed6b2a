SELECT order_id,
       ROW_NUMBER() OVER (ORDER BY amount DESC) AS overall_rank
FROM orders;

SELECT order_id, SUM(amount) OVER () AS total FROM orders;

SELECT order_id, RANK() OVER w AS r FROM orders WINDOW w AS (ORDER BY amount);
