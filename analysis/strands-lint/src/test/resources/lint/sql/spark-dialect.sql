-- Spark SQL that JSqlParser does not parse as written: the query inside is still linted.
CACHE TABLE hot AS
SELECT * FROM sales;

INSERT OVERWRITE TABLE daily PARTITION (dt = '2024-01-01')
SELECT order_id FROM sales s, stores t;

SELECT customer_id, amount FROM sales DISTRIBUTE BY customer_id;

OPTIMIZE sales ZORDER BY (customer_id);

SELECT ';' AS semicolon_in_string, 'it''s' AS quote -- ; in a comment
FROM sales_summary;

SELECT *
FROM after_the_unparsable_one;
