SELECT COUNT(*) FROM retail.sales;

SELECT c.customer_id
FROM customers c
WHERE EXISTS (SELECT * FROM orders o WHERE o.customer_id = c.customer_id)
  AND NOT EXISTS (SELECT * FROM refunds r WHERE r.customer_id = c.customer_id);

-- SELECT * FROM in a comment is not code
SELECT 'SELECT * FROM t' AS text_not_code FROM dual_table;
