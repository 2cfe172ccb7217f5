#!/usr/bin/env bash
# Rebuilds the database from scratch. Meant for laptops; it has been run against staging twice.
set -euo pipefail

: "${DB_URL:?set DB_URL}"
echo "About to run flyway clean against ${DB_URL}"
read -r -p "Type the database name to continue: " answer

flyway -url="$DB_URL" -user="${DB_USER:-shop}" -password="${DB_PASSWORD:-shop}" \
  -cleanDisabled=false clean
flyway -url="$DB_URL" -user="${DB_USER:-shop}" -password="${DB_PASSWORD:-shop}" migrate
