#!/usr/bin/env python3
"""Generate a deterministic corpus of realistic PostgreSQL migration files for benchmarking.

    python3 bench/gen-corpus.py bench/out/corpus            # 5000 files, seed 42
    python3 bench/gen-corpus.py DIR --files 500 --seed 7 --force

Each file holds 1-40 top-level statements (skewed to small files, as in real projects): mostly
harmless DDL/DML (CREATE TABLE, CREATE INDEX [CONCURRENTLY], ADD COLUMN, INSERT, UPDATE ... WHERE,
COMMENT ON, plpgsql functions with $$ bodies, triggers, views, GRANT SELECT, ...) and a minority
(~10% of statements) of destructive ones (DROP TABLE, DROP COLUMN, ALTER COLUMN TYPE, RENAME,
TRUNCATE, DELETE without WHERE, DELETE ... LIKE '%x%', DROP INDEX, ...). Formatting varies per
file: keyword case, indentation, one-line vs multi-line, comments of every kind, a few CRLF files,
a few files wrapped in BEGIN/COMMIT or written as goose migrations.

Standard library only. Same seed and arguments give byte-identical output. Prints the number of
files, statements and bytes written.
"""

import argparse
import os
import random
import shutil
import sys

SCHEMAS = ["public", "public", "public", "billing", "auth", "analytics", "inventory", "crm"]
NOUNS = [
    "users", "accounts", "orders", "order_items", "invoices", "payments", "products", "customers",
    "sessions", "events", "audit_log", "subscriptions", "plans", "coupons", "addresses", "shipments",
    "warehouses", "stock_levels", "suppliers", "tickets", "comments", "attachments", "tags",
    "notifications", "api_keys", "webhooks", "teams", "memberships", "roles_map", "feature_flags",
    "carts", "cart_items", "refunds", "ledger_entries", "price_lists", "reviews", "categories",
    "projects", "tasks", "time_entries", "documents", "exports", "imports", "jobs", "job_runs",
]
COLS = [
    ("email", "text"), ("name", "varchar(255)"), ("status", "varchar(32)"), ("amount_cents", "bigint"),
    ("currency", "char(3)"), ("quantity", "integer"), ("is_active", "boolean"), ("metadata", "jsonb"),
    ("external_id", "uuid"), ("notes", "text"), ("price", "numeric(12,2)"), ("due_date", "date"),
    ("expires_at", "timestamptz"), ("deleted_at", "timestamptz"), ("updated_at", "timestamptz"),
    ("country_code", "char(2)"), ("phone", "varchar(32)"), ("title", "text"), ("description", "text"),
    ("priority", "smallint"), ("score", "double precision"), ("tags", "text[]"), ("ip_address", "inet"),
    ("version", "integer"), ("slug", "varchar(128)"), ("locale", "varchar(10)"), ("sort_order", "integer"),
    ("weight_grams", "integer"), ("sku", "varchar(64)"), ("payload", "jsonb"), ("attempts", "integer"),
    ("last_seen_at", "timestamp"), ("balance_cents", "bigint"), ("timezone", "text"), ("flags", "integer"),
]
TYPE_CHANGES = [
    ("integer", "bigint"), ("varchar(255)", "text"), ("text", "varchar(512)"), ("numeric(12,2)", "numeric(18,4)"),
    ("timestamp", "timestamptz"), ("smallint", "integer"), ("json", "jsonb"), ("integer", "numeric(10,0)"),
]
ROLES = ["app_readonly", "reporting", "analytics_reader", "app_user", "metabase", "support_staff"]
STATUSES = ["'pending'", "'active'", "'archived'", "'cancelled'", "'failed'", "'done'", "'draft'"]
WORDS = ["legacy", "temp", "old", "backup", "v1", "staging", "tmp", "archive", "copy", "migrated"]
LIKE_PATTERNS = ["%test%", "%@example.com", "tmp_%", "%+qa%", "%deprecated%", "%.invalid", "load-test-%"]
DESCRIPTIONS = [
    "Primary key.", "Soft-delete marker; NULL while the row is live.", "ISO 4217 currency code.",
    "Who last touched the row (user id).", "Stored in minor units (cents).",
    "Denormalised for reporting; kept in sync by trigger.", "Customer''s preferred locale.",
    "Free-form JSON from the client; not validated.", "Set by the nightly reconciliation job.",
]
TICKETS = ["OPS", "DATA", "PLAT", "BILL", "CORE", "SEC"]


class Style:
    """Per-file formatting choices."""

    def __init__(self, rnd):
        self.upper = rnd.random() < 0.75
        self.indent = rnd.choice(["  ", "    ", "    ", "\t"])
        self.multiline = rnd.random() < 0.8
        self.blank = rnd.choice(["\n", "\n\n", "\n\n", "\n\n\n"])
        self.crlf = rnd.random() < 0.03
        self.trailing_comments = rnd.random() < 0.25
        self.schema_qualified = rnd.random() < 0.3

    def k(self, s):
        return s if self.upper else s.lower()


class Gen:
    def __init__(self, rnd, style, idx):
        self.r = rnd
        self.s = style
        self.idx = idx
        self.tables = []  # tables created in this file: (name, [(col, type)])

    # -- helpers ---------------------------------------------------------------------------
    def k(self, s):
        return self.s.k(s)

    def table(self):
        r = self.r
        if self.tables and r.random() < 0.5:
            return r.choice(self.tables)[0]
        noun = r.choice(NOUNS)
        if self.s.schema_qualified:
            return r.choice(SCHEMAS) + "." + noun
        return noun

    def col(self):
        return self.r.choice(COLS)

    def value(self, typ):
        r = self.r
        if typ in ("bigint", "integer", "smallint"):
            return str(r.randint(0, 100000))
        if typ == "boolean":
            return r.choice(["true", "false"])
        if typ.startswith("numeric") or typ == "double precision":
            return "%d.%02d" % (r.randint(0, 9999), r.randint(0, 99))
        if typ == "jsonb":
            return "'{\"source\": \"migration\", \"n\": %d}'::jsonb" % r.randint(1, 99)
        if typ == "uuid":
            return "gen_random_uuid()"
        if typ in ("timestamptz", "timestamp"):
            return r.choice(["now()", "'2024-01-01 00:00:00+00'", "CURRENT_TIMESTAMP"])
        if typ == "date":
            return "'2024-%02d-%02d'" % (r.randint(1, 12), r.randint(1, 28))
        if typ == "text[]":
            return "ARRAY['a', 'b']"
        if typ == "inet":
            return "'10.0.%d.%d'" % (r.randint(0, 255), r.randint(1, 254))
        if typ.startswith("char(3)"):
            return r.choice(["'EUR'", "'USD'", "'GBP'"])
        if typ.startswith("char(2)"):
            return r.choice(["'DE'", "'US'", "'FR'", "'GB'"])
        if "status" in typ:
            return r.choice(STATUSES)
        return "'%s_%d'" % (r.choice(WORDS), r.randint(1, 999))

    def where(self):
        r = self.r
        c, t = self.col()
        choice = r.random()
        if choice < 0.3:
            return "id = %d" % r.randint(1, 10**6)
        if choice < 0.5:
            return "%s IS NULL" % c
        if choice < 0.7:
            return "created_at < now() - interval '%d days'" % r.randint(7, 400)
        if choice < 0.85:
            return "status IN (%s, %s)" % (r.choice(STATUSES), r.choice(STATUSES))
        return "id IN (SELECT %s_id FROM %s WHERE %s = %s)" % (
            r.choice(NOUNS)[:-1], r.choice(NOUNS), c, self.value(t))

    def nl(self, depth=1):
        return "\n" + self.s.indent * depth if self.s.multiline else " "

    # -- harmless --------------------------------------------------------------------------
    def create_table(self):
        r, k = self.r, self.k
        name = r.choice(NOUNS)
        if r.random() < 0.5:
            name = name + "_" + r.choice(["history", "v2", "daily", "archive", "settings", "stats"])
        if self.s.schema_qualified:
            name = r.choice(SCHEMAS) + "." + name
        cols = []
        pk = r.random()
        if pk < 0.5:
            cols.append("id " + k("BIGSERIAL PRIMARY KEY"))
        elif pk < 0.8:
            cols.append("id " + k("UUID PRIMARY KEY DEFAULT gen_random_uuid()"))
        else:
            cols.append("id " + k("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"))
        chosen = r.sample(COLS, r.randint(2, 12))
        for c, t in chosen:
            d = c + " " + k(t)
            x = r.random()
            if x < 0.3:
                d += " " + k("NOT NULL")
            elif x < 0.45:
                d += " " + k("NOT NULL DEFAULT ") + self.value(t)
            elif x < 0.5 and t in ("varchar(32)",):
                d += " " + k("CHECK") + " (%s IN (%s, %s))" % (c, STATUSES[0], STATUSES[1])
            cols.append(d)
        if r.random() < 0.5:
            ref = r.choice(NOUNS)
            cols.append("%s_id %s %s %s(id)%s" % (
                ref[:-1], k("BIGINT"), k("REFERENCES"), ref,
                r.choice(["", k(" ON DELETE CASCADE"), k(" ON DELETE SET NULL")])))
        cols.append("created_at " + k("TIMESTAMPTZ NOT NULL DEFAULT now()"))
        if r.random() < 0.3:
            a, b = r.sample(chosen + [("created_at", "")], 2) if len(chosen) > 1 else (chosen[0], chosen[0])
            cols.append(k("CONSTRAINT") + " %s_%s_key %s (%s, %s)" % (
                name.split(".")[-1], a[0], k("UNIQUE"), a[0], b[0]))
        if r.random() < 0.2:
            cols.append(k("CONSTRAINT") + " %s_created_check %s (created_at > '2000-01-01')" % (
                name.split(".")[-1], k("CHECK")))
        self.tables.append((name, chosen))
        ine = k(" IF NOT EXISTS") if r.random() < 0.4 else ""
        if self.s.multiline:
            body = ("," + "\n" + self.s.indent).join(cols)
            return k("CREATE TABLE") + ine + " " + name + " (\n" + self.s.indent + body + "\n);"
        return k("CREATE TABLE") + ine + " " + name + " (" + ", ".join(cols) + ");"

    def create_index(self):
        r, k = self.r, self.k
        t = self.table()
        cols = [c for c, _ in r.sample(COLS, r.randint(1, 3))]
        name = "idx_%s_%s" % (t.split(".")[-1], "_".join(cols))
        s = k("CREATE ")
        if r.random() < 0.2:
            s += k("UNIQUE ")
        s += k("INDEX ")
        if r.random() < 0.45:
            s += k("CONCURRENTLY ")
        if r.random() < 0.3:
            s += k("IF NOT EXISTS ")
        s += name + " " + k("ON ") + t
        if r.random() < 0.15:
            s += k(" USING ") + r.choice(["btree", "gin", "brin", "hash"])
            cols = cols[:1]
        s += " (" + ", ".join(cols) + ")"
        if r.random() < 0.2:
            s += self.nl() + k("WHERE deleted_at IS NULL")
        return s + ";"

    def add_column(self):
        r, k = self.r, self.k
        t = self.table()
        c, ty = self.col()
        s = k("ALTER TABLE ") + t + k(" ADD COLUMN ")
        if r.random() < 0.3:
            s += k("IF NOT EXISTS ")
        s += c + "_" + r.choice(["v2", "new", "override", "hint", "copy"]) + " " + k(ty)
        x = r.random()
        if x < 0.25:
            s += k(" DEFAULT ") + self.value(ty)
        elif x < 0.35:
            s += k(" NOT NULL DEFAULT ") + self.value(ty)
        if r.random() < 0.15:
            c2, ty2 = self.col()
            s += "," + self.nl() + k("ADD COLUMN ") + c2 + "_extra " + k(ty2)
        return s + ";"

    def insert(self):
        r, k = self.r, self.k
        t = self.table()
        cols = r.sample(COLS, r.randint(1, 5))
        rows = []
        for _ in range(r.randint(1, 6)):
            rows.append("(" + ", ".join(self.value(ty) for _, ty in cols) + ")")
        s = k("INSERT INTO ") + t + " (" + ", ".join(c for c, _ in cols) + ")" + self.nl(0) + k("VALUES")
        s += (" " if not self.s.multiline else "\n" + self.s.indent) + ("," + self.nl()).join(rows)
        if r.random() < 0.25:
            s += self.nl(0) + k("ON CONFLICT (") + cols[0][0] + k(") DO NOTHING")
        return s + ";"

    def insert_select(self):
        k = self.k
        t, src = self.table(), self.table()
        c, _ = self.col()
        return (k("INSERT INTO ") + t + " (id, " + c + ")" + self.nl(0) + k("SELECT ") + "id, " + c
                + k(" FROM ") + src + self.nl(0) + k("WHERE ") + self.where() + ";")

    def update(self):
        r, k = self.r, self.k
        t = self.table()
        sets = []
        for c, ty in r.sample(COLS, r.randint(1, 3)):
            sets.append("%s = %s" % (c, self.value(ty)))
        return (k("UPDATE ") + t + self.nl(0) + k("SET ") + ", ".join(sets) + self.nl(0) + k("WHERE ")
                + self.where() + ";")

    def comment_on(self):
        r, k = self.r, self.k
        t = self.table()
        if r.random() < 0.4:
            return k("COMMENT ON TABLE ") + t + k(" IS ") + "'Owned by team %s; see %s-%d.'" % (
                r.choice(["payments", "growth", "platform", "data"]), r.choice(TICKETS), r.randint(100, 9999)) + ";"
        c, _ = self.col()
        return k("COMMENT ON COLUMN ") + t + "." + c + k(" IS ") + "'" + r.choice(DESCRIPTIONS) + "';"

    def function(self):
        r, k = self.r, self.k
        t = self.table()
        ind = self.s.indent
        kind = r.random()
        name = "%s_%s" % (r.choice(["set", "touch", "count", "recalc", "sync", "refresh"]), t.split(".")[-1])
        if kind < 0.5:
            body = (
                "\n" + k("BEGIN") + "\n"
                + ind + "NEW.updated_at := now();\n"
                + ind + k("IF") + " NEW.version " + k("IS NULL THEN") + "\n"
                + ind * 2 + "NEW.version := 1;\n"
                + ind + k("ELSE") + "\n"
                + ind * 2 + "NEW.version := OLD.version + 1;\n"
                + ind + k("END IF") + ";\n"
                + ind + k("RETURN NEW") + ";\n"
                + k("END") + ";\n")
            return (k("CREATE OR REPLACE FUNCTION ") + name + "()" + self.nl(0) + k("RETURNS trigger")
                    + self.nl(0) + k("LANGUAGE plpgsql") + self.nl(0) + k("AS ") + "$$" + body + "$$;")
        if kind < 0.8:
            body = (
                "\n" + k("DECLARE") + "\n"
                + ind + "result integer;\n"
                + k("BEGIN") + "\n"
                + ind + k("SELECT") + " count(*) " + k("INTO") + " result " + k("FROM ") + t + "\n"
                + ind + k(" WHERE") + " status = p_status " + k("AND") + " created_at >= p_since;\n"
                + ind + "-- callers treat NULL as zero\n"
                + ind + k("RETURN") + " coalesce(result, 0);\n"
                + k("END") + ";\n")
            return (k("CREATE FUNCTION ") + name + "(p_status text, p_since timestamptz)" + self.nl(0)
                    + k("RETURNS integer") + self.nl(0) + k("LANGUAGE plpgsql STABLE") + self.nl(0)
                    + k("AS ") + "$fn$" + body + "$fn$;")
        # a maintenance function that does something destructive inside its body
        c, _ = self.col()
        body = (
            "\n" + k("BEGIN") + "\n"
            + ind + k("DELETE FROM ") + t + k(" WHERE ") + "created_at < now() - make_interval(days => keep_days);\n"
            + ind + k("UPDATE ") + t + k(" SET ") + c + " = " + k("NULL WHERE ") + c + k(" IS NOT NULL AND ") + "id < 0;\n"
            + k("END") + ";\n")
        return (k("CREATE OR REPLACE FUNCTION ") + "purge_" + t.split(".")[-1] + "(keep_days integer)"
                + self.nl(0) + k("RETURNS void LANGUAGE plpgsql AS ") + "$$" + body + "$$;")

    def trigger(self):
        r, k = self.r, self.k
        t = self.table()
        return (k("CREATE TRIGGER ") + "trg_%s_touch" % t.split(".")[-1] + self.nl(1)
                + k(r.choice(["BEFORE UPDATE", "BEFORE INSERT OR UPDATE"])) + k(" ON ") + t + self.nl(1)
                + k("FOR EACH ROW EXECUTE FUNCTION ") + "touch_%s();" % t.split(".")[-1])

    def grant_select(self):
        r, k = self.r, self.k
        priv = r.choice(["SELECT", "SELECT", "SELECT, INSERT", "SELECT, INSERT, UPDATE", "USAGE"])
        if priv == "USAGE":
            return k("GRANT USAGE ON SCHEMA ") + r.choice(SCHEMAS) + k(" TO ") + r.choice(ROLES) + ";"
        return k("GRANT ") + k(priv) + k(" ON ") + self.table() + k(" TO ") + r.choice(ROLES) + ";"

    def create_view(self):
        r, k = self.r, self.k
        t = self.table()
        c, _ = self.col()
        v = "v_%s_%s" % (t.split(".")[-1], r.choice(["active", "summary", "recent", "open"]))
        return (k(r.choice(["CREATE VIEW ", "CREATE OR REPLACE VIEW "])) + v + k(" AS") + self.nl(1)
                + k("SELECT ") + "id, " + c + ", created_at" + self.nl(1) + k("FROM ") + t + self.nl(1)
                + k("WHERE deleted_at IS NULL") + ";")

    def add_fk(self):
        r, k = self.r, self.k
        t = self.table()
        ref = r.choice(NOUNS)
        s = (k("ALTER TABLE ") + t + self.nl() + k("ADD CONSTRAINT ") + "fk_%s_%s" % (t.split(".")[-1], ref)
             + k(" FOREIGN KEY ") + "(%s_id)" % ref[:-1] + k(" REFERENCES ") + ref + " (id)")
        if r.random() < 0.5:
            s += k(" NOT VALID")
        return s + ";"

    def validate_constraint(self):
        t = self.table()
        return self.k("ALTER TABLE ") + t + self.k(" VALIDATE CONSTRAINT ") + "fk_%s_%s;" % (
            t.split(".")[-1], self.r.choice(NOUNS))

    def set_default(self):
        r, k = self.r, self.k
        c, ty = self.col()
        t = self.table()
        if r.random() < 0.7:
            return k("ALTER TABLE ") + t + k(" ALTER COLUMN ") + c + k(" SET DEFAULT ") + self.value(ty) + ";"
        return k("ALTER TABLE ") + t + k(" ALTER COLUMN ") + c + k(" SET NOT NULL") + ";"

    def misc(self):
        r, k = self.r, self.k
        x = r.random()
        if x < 0.2:
            return k("CREATE EXTENSION IF NOT EXISTS ") + r.choice(['"pgcrypto"', "pg_trgm", '"uuid-ossp"', "citext"]) + ";"
        if x < 0.35:
            return k("SET ") + r.choice(["lock_timeout = '5s'", "statement_timeout = '15min'", "search_path TO public"]) + ";"
        if x < 0.5:
            return k("CREATE SCHEMA IF NOT EXISTS ") + r.choice(SCHEMAS[3:]) + ";"
        if x < 0.65:
            vals = ", ".join(r.sample(STATUSES, r.randint(2, 5)))
            return k("CREATE TYPE ") + "%s_status " % r.choice(NOUNS)[:-1] + k("AS ENUM") + " (" + vals + ");"
        if x < 0.75:
            return k("ALTER TYPE ") + "%s_status " % r.choice(NOUNS)[:-1] + k("ADD VALUE IF NOT EXISTS ") + r.choice(STATUSES) + ";"
        if x < 0.85:
            return k("CREATE SEQUENCE IF NOT EXISTS ") + "%s_seq " % r.choice(NOUNS) + k("START WITH ") + str(r.randint(1, 1000)) + ";"
        if x < 0.93:
            t = self.table()
            return (k("DO") + " $$\n" + k("BEGIN") + "\n" + self.s.indent + k("IF NOT EXISTS") + " (" + k("SELECT") + " 1 "
                    + k("FROM") + " pg_roles " + k("WHERE") + " rolname = '" + r.choice(ROLES) + "') " + k("THEN") + "\n"
                    + self.s.indent * 2 + k("CREATE ROLE ") + r.choice(ROLES) + k(" NOLOGIN") + ";\n"
                    + self.s.indent + k("END IF") + ";\n" + k("END") + "\n$$;")
        return k("ANALYZE ") + self.table() + ";"

    # -- destructive -----------------------------------------------------------------------
    def drop_table(self):
        r, k = self.r, self.k
        t = self.table()
        if r.random() < 0.4:
            t = t + "_" + r.choice(WORDS)
        s = k("DROP TABLE ") + (k("IF EXISTS ") if r.random() < 0.6 else "") + t
        if r.random() < 0.2:
            s += k(" CASCADE")
        return s + ";"

    def drop_column(self):
        r, k = self.r, self.k
        c, _ = self.col()
        return (k("ALTER TABLE ") + self.table() + k(" DROP COLUMN ") + (k("IF EXISTS ") if r.random() < 0.4 else "")
                + c + ";")

    def alter_type(self):
        r, k = self.r, self.k
        c, _ = self.col()
        old, new = r.choice(TYPE_CHANGES)
        s = k("ALTER TABLE ") + self.table() + k(" ALTER COLUMN ") + c + k(" TYPE ") + k(new)
        if r.random() < 0.3:
            s += k(" USING ") + c + "::" + new
        return s + ";"

    def rename_column(self):
        c, _ = self.col()
        return (self.k("ALTER TABLE ") + self.table() + self.k(" RENAME COLUMN ") + c + self.k(" TO ") + c + "_"
                + self.r.choice(WORDS) + ";")

    def rename_table(self):
        t = self.table()
        return self.k("ALTER TABLE ") + t + self.k(" RENAME TO ") + t.split(".")[-1] + "_" + self.r.choice(WORDS) + ";"

    def truncate(self):
        r, k = self.r, self.k
        s = k("TRUNCATE ") + (k("TABLE ") if r.random() < 0.5 else "") + self.table()
        if r.random() < 0.3:
            s += k(" RESTART IDENTITY")
        if r.random() < 0.2:
            s += k(" CASCADE")
        return s + ";"

    def delete_all(self):
        return self.k("DELETE FROM ") + self.table() + ";"

    def delete_like(self):
        r = self.r
        col = r.choice(["email", "name", "slug", "sku", "title"])
        return (self.k("DELETE FROM ") + self.table() + self.nl(0) + self.k("WHERE ") + col
                + self.k(r.choice([" LIKE ", " ILIKE ", " LIKE "])) + "'" + r.choice(LIKE_PATTERNS) + "';")

    def delete_where(self):
        return self.k("DELETE FROM ") + self.table() + self.nl(0) + self.k("WHERE ") + self.where() + ";"

    def update_all(self):
        c, ty = self.col()
        return self.k("UPDATE ") + self.table() + self.k(" SET ") + c + " = " + self.value(ty) + ";"

    def drop_index(self):
        r, k = self.r, self.k
        c, _ = self.col()
        return (k("DROP INDEX ") + (k("CONCURRENTLY ") if r.random() < 0.4 else "")
                + (k("IF EXISTS ") if r.random() < 0.5 else "") + "idx_%s_%s;" % (r.choice(NOUNS), c))

    def drop_other(self):
        r, k = self.r, self.k
        x = r.random()
        if x < 0.3:
            return k("DROP VIEW IF EXISTS ") + "v_%s_summary;" % r.choice(NOUNS)
        if x < 0.55:
            return k("DROP FUNCTION IF EXISTS ") + "count_%s(text, timestamptz);" % r.choice(NOUNS)
        if x < 0.75:
            t = self.table()
            return k("ALTER TABLE ") + t + k(" DROP CONSTRAINT ") + "%s_%s_key;" % (t.split(".")[-1], self.col()[0])
        if x < 0.85:
            return k("DROP TYPE IF EXISTS ") + "%s_status;" % r.choice(NOUNS)[:-1]
        if x < 0.93:
            return k("DROP TRIGGER IF EXISTS ") + "trg_%s_touch " % r.choice(NOUNS) + k("ON ") + self.table() + ";"
        return k("GRANT ALL ON ") + self.table() + k(" TO ") + r.choice(ROLES) + ";"

    HARMLESS = [
        ("create_table", 18), ("create_index", 16), ("add_column", 14), ("insert", 9), ("insert_select", 2),
        ("update", 7), ("comment_on", 8), ("function", 4), ("trigger", 2), ("grant_select", 5),
        ("create_view", 2), ("add_fk", 3), ("validate_constraint", 1), ("set_default", 3), ("misc", 6),
        ("delete_where", 2),
    ]
    DESTRUCTIVE = [
        ("drop_table", 14), ("drop_column", 16), ("alter_type", 12), ("rename_column", 9), ("rename_table", 4),
        ("truncate", 6), ("delete_all", 5), ("delete_like", 7), ("update_all", 5), ("drop_index", 12),
        ("drop_other", 10),
    ]

    def statement(self):
        table = self.DESTRUCTIVE if self.r.random() < 0.10 else self.HARMLESS
        names = [n for n, _ in table]
        weights = [w for _, w in table]
        return getattr(self, self.r.choices(names, weights)[0])()


def leading_comment(rnd, stmt):
    x = rnd.random()
    if x < 0.75:
        return ""
    if x < 0.9:
        return "-- %s\n" % rnd.choice([
            "backfill for the new reporting pipeline", "see %s-%d" % (rnd.choice(TICKETS), rnd.randint(1, 9999)),
            "needed by the mobile app v%d.%d" % (rnd.randint(2, 9), rnd.randint(0, 20)),
            "TODO: remove after the next release", "safe: table is small (< 10k rows)",
            "keep in sync with models/%s.py" % rnd.choice(NOUNS)])
    if x < 0.97:
        return "/*\n * %s\n * Reviewed-by: %s\n */\n" % (
            rnd.choice(["Split out of the previous migration; runs outside a transaction.",
                        "Postgres rewrites the table here; schedule in the maintenance window.",
                        "Idempotent: may be re-run safely."]),
            rnd.choice(["alice", "bob", "carol", "dmitri", "eve"]))
    up = stmt.upper()
    for needle, rid in (("DROP TABLE", "drop-table"), ("DROP COLUMN", "drop-column"), ("TRUNCATE", "truncate")):
        if needle in up:
            return "-- airlock:allow %s %s\n" % (rid, rnd.choice([
                "verified empty in production on 2024-03-02", "replaced by the v2 table in release 41"]))
    return "-- noqa\n"


def make_file(rnd, idx):
    style = Style(rnd)
    g = Gen(rnd, style, idx)
    # 1-40 statements, skewed toward small files like real migration directories.
    n = min(40, 1 + int(rnd.expovariate(1 / 9.0)))
    parts = []
    count = 0
    flavour = rnd.random()
    header = "-- Migration %05d: %s\n-- Ticket: %s-%d\n" % (
        idx, rnd.choice(["add billing tables", "index hot paths", "cleanup legacy columns", "reporting views",
                         "backfill defaults", "rename for clarity", "drop dead tables", "auth hardening"]),
        rnd.choice(TICKETS), rnd.randint(1, 9999))
    if rnd.random() < 0.6:
        parts.append(header)
    goose = flavour < 0.1
    wrapped = 0.1 <= flavour < 0.3
    if goose:
        parts.append("-- +goose Up\n")
    if wrapped:
        parts.append(style.k("BEGIN") + ";\n")
        count += 1
    for _ in range(n):
        stmt = g.statement()
        if goose and "$" in stmt:
            stmt = "-- +goose StatementBegin\n" + stmt + "\n-- +goose StatementEnd"
        text = leading_comment(rnd, stmt) + stmt
        if style.trailing_comments and rnd.random() < 0.3 and "\n" not in stmt:
            text += "  -- " + rnd.choice(["idempotent", "fast", "rewrites table", "hot path", "%s-%d" % (
                rnd.choice(TICKETS), rnd.randint(1, 9999))])
        parts.append(text + style.blank)
        count += 1
    if wrapped:
        parts.append(style.k("COMMIT") + ";\n")
        count += 1
    if goose:
        parts.append("-- +goose Down\n" + style.k("SELECT 1") + ";\n")
        count += 1
    text = "".join(parts)
    if not text.endswith("\n"):
        text += "\n"
    if style.crlf:
        text = text.replace("\n", "\r\n")
    return text, count


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("target", help="directory to write the corpus into")
    ap.add_argument("--files", type=int, default=5000, help="number of files (default 5000)")
    ap.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    ap.add_argument("--force", action="store_true", help="delete the target directory first if it exists")
    args = ap.parse_args()

    if os.path.exists(args.target):
        if not args.force and os.listdir(args.target):
            sys.exit("gen-corpus: %s exists and is not empty; pass --force to regenerate" % args.target)
        shutil.rmtree(args.target)
    rnd = random.Random(args.seed)
    files = statements = size = 0
    per_dir = 100
    for i in range(args.files):
        d = os.path.join(args.target, "service_%02d" % (i // per_dir), "migrations")
        os.makedirs(d, exist_ok=True)
        text, n = make_file(rnd, i + 1)
        data = text.encode("utf-8")
        name = "V%05d__%s.sql" % (i + 1, rnd.choice(["init", "schema", "cleanup", "indexes", "backfill", "grants",
                                                      "rename", "reporting", "hotfix", "audit"]))
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
        files += 1
        statements += n
        size += len(data)
    print("gen-corpus: %d files, %d statements, %d bytes (seed %d) in %s" % (
        files, statements, size, args.seed, args.target))


if __name__ == "__main__":
    main()
