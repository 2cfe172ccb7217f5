CREATE TABLE t (id bigint PRIMARY KEY, name text NOT NULL);
INSERT INTO t VALUES (1, 'a');
SELECT * FROM t WHERE name LIKE '%a%';
