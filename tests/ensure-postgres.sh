#!/usr/bin/env bash
# The backend tests run on PostgreSQL as well as SQLite: tests/helpers/postgres-server.ts starts a throwaway
# server from Debian's postgresql package (initdb and pg_ctl from /usr/lib/postgresql/<version>/bin).
# Installs the package when missing and we are root; otherwise says in one line how to get it.
set -euo pipefail
# A PostgreSQL of one's own (PG_BIN: the folder holding initdb and pg_ctl).
[ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] && exit 0
for bin in /usr/lib/postgresql/*/bin; do
  [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] && exit 0
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's PostgreSQL for the backend tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  exit 0
fi
echo "PostgreSQL is missing: install it with 'sudo apt-get install -y postgresql' or set PG_BIN to the folder holding initdb and pg_ctl." >&2
exit 1
