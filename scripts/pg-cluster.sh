#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite.
#   pg-cluster.sh start DIR   initdb + start on a free port; writes DIR/uri
#   pg-cluster.sh stop DIR    stops it and removes DIR
# Runs the server as the postgres user when started as root (initdb refuses
# root). Its data lives in a fresh folder under the system temp dir, not in
# DIR: a clone inside a private folder (mktemp -d is 0700) would be out of
# the postgres user's reach. DIR/data-path says where. fsync is off: the
# cluster lives for one test run only.
set -euo pipefail
action=$1
dir=$2
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

case "$action" in
  start)
    if [ -f "$dir/uri" ] && [ -f "$dir/data-path" ] &&
       as_owner "$pgbin/pg_ctl" -D "$(cat "$dir/data-path")/data" status >/dev/null 2>&1; then
      exit 0
    fi
    rm -rf "$dir"; mkdir -p "$dir"
    data=$(mktemp -d "${TMPDIR:-/tmp}/relais-pg.XXXXXX")
    chmod 755 "$data"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$data"; fi
    echo "$data" >"$dir/data-path"
    port=$(free_port)
    as_owner "$pgbin/initdb" -D "$data/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$data/initdb.log"
    as_owner "$pgbin/pg_ctl" -D "$data/data" -l "$data/log" -w \
      -o "-p $port -c unix_socket_directories='' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
    echo "postgresql://postgres@127.0.0.1:$port/postgres" >"$dir/uri"
    ;;
  stop)
    if [ -f "$dir/data-path" ]; then
      data=$(cat "$dir/data-path")
      as_owner "$pgbin/pg_ctl" -D "$data/data" -m immediate -w stop >/dev/null 2>&1 || true
      rm -rf "$data"
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
