#!/usr/bin/env bash
# Restores a base backup (scripts/backup.sh) into a fresh PostgreSQL cluster in DATA_DIR and starts it on PORT: every
# service's database as of the backup's end. Point the services at it (ConnectionStrings__Postgres) and start them;
# their outboxes publish what was committed and not yet sent. Needs root (the cluster runs as the postgres user).
# Usage: scripts/restore.sh BACKUP_DIR DATA_DIR PORT        scripts/restore.sh --stop DATA_DIR
set -euo pipefail
bin() { for d in /usr/lib/postgresql/15/bin /usr/bin; do [ -x "$d/$1" ] && { echo "$d/$1"; return; }; done; echo "$1"; }
if [ "${1:-}" = "--stop" ]; then
  runuser -u postgres -- "$(bin pg_ctl)" -D "$2" -m fast -w stop >/dev/null && echo "restore: stopped the cluster in $2"
  exit 0
fi
[ $# -eq 3 ] || { echo "usage: $0 BACKUP_DIR DATA_DIR PORT | $0 --stop DATA_DIR" >&2; exit 2; }
backup=$1 data=$2 port=$3
[ -f "$backup/backup_manifest" ] && [ -f "$backup/PG_VERSION" ] || { echo "restore: $backup is not a base backup (made by scripts/backup.sh?)" >&2; exit 1; }
"$(bin pg_verifybackup)" -q "$backup" || { echo "restore: $backup fails its manifest's checks" >&2; exit 1; }
[ ! -e "$data" ] || [ -z "$(ls -A "$data")" ] || { echo "restore: $data is not empty: restore into a fresh directory" >&2; exit 1; }
start=$(date +%s.%N)
mkdir -p "$data" "$data.run"
cp -a "$backup/." "$data/"
rm -f "$data/postmaster.pid" "$data/postmaster.opts"
chown -R postgres:postgres "$data" "$data.run"
chmod 700 "$data"
runuser -u postgres -- "$(bin pg_ctl)" -D "$data" -o "-p $port -k $data.run -c listen_addresses=127.0.0.1" -l "$data.run/server.log" -w -t 120 start >/dev/null
secs=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e-s}')
echo "restore: $backup is up on 127.0.0.1:$port (data $data, log $data.run/server.log, ${secs} s)"
