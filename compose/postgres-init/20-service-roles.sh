#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data volume (docker-entrypoint-initdb.d), after
# 10-blockchain-database.sql. Each service gets a login role of its own that owns its database and its public schema
# (so Flyway migrates as that role), and no other role may connect to either database. The superuser (POSTGRES_USER)
# stays for operators; no service holds its password. The same roles as the local launcher's (LocalInfrastructure).
set -euo pipefail

: "${POSTGRES_ORDER_SERVICE_PASSWORD:?set POSTGRES_ORDER_SERVICE_PASSWORD}"
: "${POSTGRES_BLOCKCHAIN_SERVICE_PASSWORD:?set POSTGRES_BLOCKCHAIN_SERVICE_PASSWORD}"

# psql's :'name' quotes each password as a literal; the shell passes them as variables, never into the SQL text.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v orders_password="$POSTGRES_ORDER_SERVICE_PASSWORD" \
  -v blockchain_password="$POSTGRES_BLOCKCHAIN_SERVICE_PASSWORD" <<'SQL'
CREATE ROLE order_service LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'orders_password';
CREATE ROLE blockchain_service LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'blockchain_password';
ALTER DATABASE orders OWNER TO order_service;
ALTER DATABASE blockchain OWNER TO blockchain_service;
REVOKE ALL ON DATABASE orders FROM PUBLIC;
REVOKE ALL ON DATABASE blockchain FROM PUBLIC;
\connect orders
ALTER SCHEMA public OWNER TO order_service;
\connect blockchain
ALTER SCHEMA public OWNER TO blockchain_service;
SQL
