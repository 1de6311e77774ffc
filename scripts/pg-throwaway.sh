#!/bin/sh
# Starts a throwaway PostgreSQL cluster (initdb into a temp dir, a free port, trust auth on
# 127.0.0.1 only) and prints its DATABASE_URL on stdout. Stop it with: pg-throwaway.sh stop <dir>
set -e
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bindir" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
if [ "$1" = "stop" ]; then
  su postgres -s /bin/sh -c "$bindir/pg_ctl -D '$2' -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$2"
  exit 0
fi
dir=$(mktemp -d /tmp/gz-pg.XXXXXX)
chown postgres "$dir" 2>/dev/null || true
port=$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
run "$bindir/initdb -D '$dir' -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8" >/dev/null
run "$bindir/pg_ctl -D '$dir' -l '$dir/server.log' -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" -w start" >/dev/null
echo "PGDIR=$dir"
# fsync is off for speed: this cluster is thrown away, so the app is told it may run on it.
echo "GZ_ALLOW_UNSAFE_DB=true"
echo "DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
