#!/bin/sh
# Runs once, when the database volume is first created (postgres image's initdb hook).
# The service's two roles: the owner runs migrations and owns every table; the application
# role is what the service connects as, with only the rights `grantApplicationAccess` gives it
# after each migration (apps/api/src/db/roles.ts), so it cannot rewrite the audit trail.
set -eu
psql --no-psqlrc -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v database="$POSTGRES_DB" -v owner_password="$OWNER_DB_PASSWORD" -v app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE cse_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE cse_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
ALTER DATABASE :"database" OWNER TO cse_owner;
SQL
