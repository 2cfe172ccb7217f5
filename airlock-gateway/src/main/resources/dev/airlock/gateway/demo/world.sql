-- The demo's shop, after incident 3 of the seed post-mortems: test accounts whose emails match
-- '%test%' and one real customer whose email matches too (Jane Testaverde, 14 months of orders).

CREATE TABLE customers (
  id          bigint PRIMARY KEY,
  name        text NOT NULL,
  email       text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL
);

CREATE TABLE orders (
  id           bigserial PRIMARY KEY,
  customer_id  bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  total_cents  bigint NOT NULL CHECK (total_cents >= 0),
  placed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);

CREATE TABLE user_sessions (
  id           bigserial PRIMARY KEY,
  customer_id  bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  token        text NOT NULL UNIQUE,
  expires_at   timestamptz NOT NULL
);

INSERT INTO customers (id, name, email, created_at) VALUES
  (1, 'QA Bot', 'qa+test1@shop.example', '2025-01-04 09:00+00'),
  (2, 'QA Bot', 'qa+test2@shop.example', '2025-01-04 09:01+00'),
  (3, 'Load Test', 'loadtest@shop.example', '2025-02-11 17:30+00'),
  (4, 'Jane Testaverde', 'jane.testaverde@gmail.com', '2024-09-14 12:22+00'),
  (5, 'Ana Lima', 'ana.lima@example.com', '2024-05-02 08:15+00'),
  (6, 'Björn Olsen', 'bjorn@olsen.example', '2024-06-21 19:40+00'),
  (7, 'Chidi Okafor', 'chidi.okafor@example.org', '2024-08-30 11:05+00'),
  (8, 'Dana Kim', 'dana.kim@example.net', '2024-11-18 14:50+00');

-- Jane's 14 months of history: one order a month from September 2024 to October 2025
INSERT INTO orders (customer_id, total_cents, placed_at)
SELECT 4, 2500 + 137 * m, timestamptz '2024-09-20 10:00+00' + make_interval(months => m)
FROM generate_series(0, 13) AS m;

-- test orders, and a few real ones for everybody else
INSERT INTO orders (customer_id, total_cents, placed_at) VALUES
  (1, 100, '2025-01-05 10:00+00'), (1, 100, '2025-01-05 10:01+00'),
  (2, 100, '2025-01-05 10:02+00'), (3, 999, '2025-02-11 18:00+00'),
  (5, 4200, '2025-03-01 09:00+00'), (5, 1800, '2025-07-12 16:20+00'),
  (6, 7350, '2025-04-09 13:10+00'), (7, 2999, '2025-05-23 20:45+00'),
  (8, 1500, '2025-08-02 07:30+00'), (8, 6400, '2025-10-10 12:00+00');

INSERT INTO user_sessions (customer_id, token, expires_at)
SELECT c, md5('session-' || c || '-' || n), timestamptz '2026-01-01 00:00+00' + make_interval(days => n)
FROM generate_series(1, 8) AS c, generate_series(1, 3) AS n;
