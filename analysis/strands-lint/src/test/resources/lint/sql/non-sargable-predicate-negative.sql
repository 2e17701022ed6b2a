SELECT order_id
FROM sales
WHERE order_date >= date_sub(current_date(), 7)
  AND order_date < current_date;

SELECT year(order_date) AS y, COUNT(*)
FROM sales
GROUP BY year(order_date)
HAVING COUNT(*) > 10;

SELECT id FROM a WHERE code IN (SELECT upper(code) FROM b);
