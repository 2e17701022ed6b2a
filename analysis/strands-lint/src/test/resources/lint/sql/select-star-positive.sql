SELECT *
FROM retail.sales;

SELECT o.order_id, c.*
FROM orders o JOIN customers c ON o.customer_id = c.customer_id;
