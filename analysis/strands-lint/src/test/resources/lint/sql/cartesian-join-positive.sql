SELECT a.id, b.id
FROM a, b;

SELECT a.id
FROM a, b
WHERE a.kind = 'x';

SELECT a.id FROM a CROSS JOIN b;

SELECT a.id FROM a JOIN b;
