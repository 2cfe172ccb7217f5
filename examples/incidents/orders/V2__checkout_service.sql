-- Owned by the checkout service, deployed from another repository. PostgreSQL does not record
-- that these bodies read orders.legacy_order_id: pg_depend does not look inside PL/pgSQL.
CREATE SCHEMA checkout;

CREATE FUNCTION checkout.find_order_by_legacy_id(p_legacy_id bigint)
RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_id bigint;
BEGIN
    SELECT o.id INTO v_id FROM orders o WHERE o.legacy_order_id = p_legacy_id;
    RETURN v_id;
END;
$$;

CREATE PROCEDURE checkout.reconcile_payment(p_legacy_id bigint, p_amount_cents bigint)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE orders SET status = 'paid'
    WHERE legacy_order_id = p_legacy_id AND total_cents = p_amount_cents;
END;
$$;

-- Mentions "legacy_order_id" only in a comment and a string: never a dependent.
CREATE FUNCTION checkout.describe() RETURNS text LANGUAGE sql IMMUTABLE AS $$
    -- legacy_order_id used to live here
    SELECT 'orders keyed by legacy_order_id are gone'::text
$$;
