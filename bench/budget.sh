#!/usr/bin/env bash
# The per-case budget (issue 15): runs bench/run.sh with the given arguments and counts, per service database, the
# commits and SQL statements it cost per case, from PostgreSQL's own statistics (pg_stat_database and
# pg_stat_statements, which scripts/infra.sh loads). Prints a table; the bench's own figures (rates, CPU per case per
# service) come first; then what the whole server wrote to its WAL a case (pg_stat_wal: records, full-page images,
# bytes) and the blocks it read from outside its buffer cache a case. Usage: bench/budget.sh [bench/run.sh arguments]  (the system must be up: ./run.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
eval "$("$ROOT/scripts/infra.sh" env)"
export PGPASSWORD=coordination
psql_() { psql -h 127.0.0.1 -p "${PG_PORT:-5432}" -U coordination -qtAX -F '|' "$@"; }
DBS="coordination_intake coordination_assignment coordination_reporting coordination_legal_diversion coordination_joint_meeting coordination_directory"

snapshot() {
  psql_ -d postgres -c "SELECT datname, xact_commit FROM pg_stat_database WHERE datname LIKE 'coordination_%'"
}
wal() {
  psql_ -d postgres -c "SELECT w.wal_records, w.wal_fpi, w.wal_bytes, (SELECT sum(blks_read) FROM pg_stat_database) FROM pg_stat_wal w"
}
before=$(snapshot)
wal_before=$(wal)
cases_before=$(psql_ -d coordination_intake -c "SELECT count(*) FROM petitions")
psql_ -d postgres -c "SELECT pg_stat_statements_reset()" >/dev/null
"$ROOT/bench/run.sh" "$@"
sleep 3
after=$(snapshot)
wal_after=$(wal)
cases=$(( $(psql_ -d coordination_intake -c "SELECT count(*) FROM petitions") - cases_before ))
echo
echo "budget: $cases cases registered during the run (warm-up included)"
printf '%-32s %16s %18s\n' "database" "commits/case" "statements/case"
for db in $DBS; do
  b=$(echo "$before" | awk -F'|' -v d="$db" '$1==d{print $2}'); a=$(echo "$after" | awk -F'|' -v d="$db" '$1==d{print $2}')
  [ -n "$a" ] || continue
  s=$(psql_ -d postgres -c "SELECT coalesce(sum(calls),0) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '$db'")
  awk -v n="$cases" -v db="$db" -v c="$((a - ${b:-0}))" -v s="$s" 'BEGIN{printf "%-32s %16.2f %18.2f\n", db, c/n, s/n}'
done
echo
awk -F'|' -v n="$cases" -v b="$wal_before" -v a="$wal_after" 'BEGIN{split(b, x, "|"); split(a, y, "|");
  printf "budget: the server a case: WAL records %.1f, full-page images %.2f, WAL bytes %.0f; blocks read outside its buffers %.2f\n",
    (y[1]-x[1])/n, (y[2]-x[2])/n, (y[3]-x[3])/n, (y[4]-x[4])/n}'
echo
echo "budget: the statements most called per case"
psql_ -d postgres -c "SELECT d.datname, round(s.calls::numeric / $cases, 2), round(s.total_exec_time::numeric / $cases, 3), left(regexp_replace(s.query, '\s+', ' ', 'g'), 110)
  FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname LIKE 'coordination_%' ORDER BY s.calls DESC LIMIT 25" \
  | awk -F'|' '{printf "%-24s %6s/case %7s ms/case  %s\n", $1, $2, $3, $4}'
