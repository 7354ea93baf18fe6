#!/usr/bin/env bash
# A base backup of the PostgreSQL cluster that holds every service's database (ADR 31): all databases as of one
# instant, with the WAL needed to make them consistent, in DIR/<UTC time>/ (a data directory with its backup_manifest).
# Restore it with scripts/restore.sh. Connection: PGHOST/PGPORT/PGUSER/PGPASSWORD, by default the local infrastructure
# (scripts/infra.sh; its role may replicate). Usage: scripts/backup.sh [DIR]   (default .backups)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-${PG_PORT:-5432}}" PGUSER="${PGUSER:-coordination}" PGPASSWORD="${PGPASSWORD:-coordination}"
bin() { for d in /usr/lib/postgresql/15/bin /usr/bin; do [ -x "$d/$1" ] && { echo "$d/$1"; return; }; done; echo "$1"; }
target="${1:-$ROOT/.backups}/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$target"
start=$(date +%s.%N)
# Fast checkpoint: the backup starts at once instead of at the next scheduled checkpoint. The WAL written meanwhile is
# streamed beside it, so the copy is consistent however busy the services are.
"$(bin pg_basebackup)" -D "$target" -F plain -X stream --checkpoint=fast --label "coordination $(date -u +%FT%TZ)" --no-password
# Every file against the manifest's checksums, and the WAL from the backup's start to its end.
"$(bin pg_verifybackup)" -q "$target"
secs=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e-s}')
echo "backup: $target ($(du -sh "$target" | cut -f1), ${secs} s, verified)"
