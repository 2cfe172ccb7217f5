CREATE TABLE coupon (
    code        VARCHAR(32) PRIMARY KEY,
    percent_off INTEGER NOT NULL CHECK (percent_off BETWEEN 1 AND 100),
    valid_until DATE
);

COMMENT ON TABLE coupon IS 'Marketing coupons, one use per customer';
