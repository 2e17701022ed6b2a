SELECT order_id
FROM sales
WHERE year(order_date) = 2024;

SELECT a.id
FROM a
JOIN b ON UPPER(a.code) = b.code;

SELECT id FROM events
WHERE CAST(event_ts AS DATE) = DATE '2024-03-01'
   OR substr(country, 1, 2) IN ('BR', 'AR');
