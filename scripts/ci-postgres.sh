#!/usr/bin/env bash
# Starts a throw-away PostgreSQL on loopback for the server tests and prints the URL to use
# (CCMS_TEST_PG_URL). Installs Debian's postgresql if missing. Prints nothing and exits 0
# when PostgreSQL cannot be had here: the PostgreSQL tests then skip with a reason.
set -uo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends postgresql >/dev/null) >&2 || exit 0
  else
    exit 0
  fi
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
dir="$(mktemp -d /tmp/ccms-pg.XXXXXX)"
chown postgres "$dir" 2>/dev/null || true
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
run "'$bin/initdb' -D '$dir/data' -A trust -U ccms >/dev/null" || exit 0
run "'$bin/pg_ctl' -D '$dir/data' -o '-c listen_addresses=127.0.0.1 -p $port -k $dir' -l '$dir/log' -w start >/dev/null" || exit 0
run "'$bin/createdb' -h 127.0.0.1 -p $port -U ccms ccms_test" || exit 0
echo "postgresql+psycopg://ccms@127.0.0.1:$port/ccms_test"
