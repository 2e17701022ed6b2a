SELECT a.id, b.id
FROM a, b
WHERE a.id = b.a_id;

SELECT a.id FROM a JOIN b ON a.id = b.a_id;

SELECT a.id FROM a JOIN b USING (id);

SELECT a.id, item FROM a LATERAL VIEW explode(a.items) t AS item;
