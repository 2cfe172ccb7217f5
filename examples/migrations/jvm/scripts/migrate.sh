#!/usr/bin/env bash
# Applies pending migrations. Never runs flyway clean.
set -euo pipefail
./mvnw -B -q flyway:info
./mvnw -B flyway:migrate -Dflyway.url="$DB_URL"
