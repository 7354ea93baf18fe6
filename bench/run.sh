#!/usr/bin/env bash
# End-to-end benchmark: starts the system with ./run.sh unless it is already up, registers petitions through
# Intake's gRPC API and waits for every case to be assigned and on its timeline in Reporting. Prints figures.
# Usage: bench/run.sh [--count N] [--concurrency C (256)] [--warm-up W] [--regions 1..11] [--rounds R] [--mixed ...]
# (districts of Nanjing, round-robin; each round reports its own figures, the first after a start pays for JIT)
# [--rate R] paces registrations at R a second (open loop); [--sweep 50,100,300] runs the open loop at each rate in turn
# and prints where p99 registration -> assigned passes 100 ms. First it measures the stack's ceiling with ../shared/baseline
# (BENCH_BASELINE=quick: its 25 s run; =0: skip; BASELINE_DIR: elsewhere) and prints every round beside it, with CPU
# per case for each service, PostgreSQL, RabbitMQ and Redis from /proc, and the whole box's CPU and context switches a
# case (/proc/stat) with the rate that CPU allows. [--call-floor N] first measures what a registration call costs the box
# before any database work (N calls refused after validation); [--wake-cost] what a sleep and wake-up costs this machine.
# [--mixed] beside the registrations (each round, the warm-up, and each --sweep rate), seeded people act through the
# gRPC APIs, each signed in by the same password grant: departments (--departments dept.xuanwu-housing,...) list their
# pending hand-overs every --department-poll-ms 200,500 ms, sign for them (签收), and --handle-after 2 s later notify
# acceptance and submit a report; the bureau (--bureau bureau.nanjing) reads the overdue list, case timelines and case
# pages --bureau-reads 5 times a second, approves the reports and sends the replies; --meetings 3 joint meetings a round,
# one every --meeting-every 3 s, run from convening to close with --meeting-parties xuanwu-housing-office,
# nanjing-political-legal-committee (answered by the first department and --committee committee.nanjing). Each round
# then prints every method's calls, rate and latency p50/p95/p99/max (reads and writes apart) and the refusals per status
# code; an UNKNOWN or INTERNAL is printed with !!! and makes the exit code 1. COORD_ASSIGNMENT, COORD_JOINT_MEETING,
# COORD_REPORTING (or --assignment, --joint-meeting, --reporting) move those services from 5102, 5104, 5105.
# The clerk signs in at the Directory by the password grant: the seeded clerk.nanjing with the development password,
# unless COORD_TOKEN (or --token) gives a token, or COORD_USER / COORD_PASSWORD / COORD_DIRECTORY say otherwise.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
started=0
if ! curl -fs http://127.0.0.1:5205/health/ready >/dev/null 2>&1; then "$ROOT/run.sh" >/dev/null; started=1; fi
eval "$("$ROOT/scripts/infra.sh" env)"
dotnet build "$ROOT/bench/Coordination.Bench" -c Release -v quiet -nologo >/dev/null
mkdir -p "$ROOT/.run"
# The stack's own ceiling, measured now on this machine (../shared/baseline; BENCH_BASELINE=quick for its 25 s
# smoke run, =0 to skip): the bench prints its figures beside it.
BASELINE_DIR="${BASELINE_DIR:-$ROOT/../shared/baseline}" BASELINE_JSON=""
if [ "${BENCH_BASELINE:-1}" != 0 ]; then
  if [ -f "$BASELINE_DIR/Baseline.csproj" ]; then
    b=$(mktemp -d); cp -r "$BASELINE_DIR" "$b/baseline"
    quick=(); [ "${BENCH_BASELINE:-1}" = quick ] && quick=(--quick)
    echo "bench: measuring the stack's ceiling with $BASELINE_DIR (${quick[*]:-about 2 minutes})"
    if BASELINE_PG_PORT="${PG_PORT:-5432}" BASELINE_PG_USER=coordination BASELINE_PG_PASSWORD=coordination \
       BASELINE_RABBIT_PORT="${RABBITMQ_PORT:-5672}" BASELINE_RABBIT_USER=coordination BASELINE_RABBIT_PASSWORD=coordination \
       BASELINE_REDIS_PORT="${REDIS_PORT:-6379}" dotnet run -c Release --project "$b/baseline" -- all "${quick[@]}" \
       --out "$ROOT/.run/baseline.json" >"$ROOT/.run/baseline.txt" 2>"$ROOT/.run/baseline.log"; then
      cat "$ROOT/.run/baseline.txt"; BASELINE_JSON="$ROOT/.run/baseline.json"
    else
      echo "bench: the baseline failed (see .run/baseline.log); figures follow without it" >&2
      [ -s "$ROOT/.run/baseline.json" ] && BASELINE_JSON="$ROOT/.run/baseline.json"
    fi
    rm -rf "$b"
  else
    echo "bench: no baseline at $BASELINE_DIR (BASELINE_DIR=...); figures follow without it" >&2
  fi
fi
# The load generator shares the cores with what it measures: it starts with the services' runtime settings, so that its
# own code reaches its final tier during the warm-up instead of running unoptimised through the first round (it cost
# 0.21 ms of CPU a case in a bench's first round and 0.07 in its second with the runtime's defaults).
# shellcheck disable=SC1091
. "$ROOT/scripts/runtime-env.sh"
pids=""
for f in "$ROOT"/.run/*.pid; do [ -f "$f" ] && pids="$pids $(basename "$f" .pid)=$(cat "$f")"; done
rc=0
COORD_BENCH_PIDS="$pids" \
COORD_USER="${COORD_USER:-clerk.nanjing}" COORD_PASSWORD="${COORD_PASSWORD:-Dev-Passw0rd-2026}" \
  dotnet "$ROOT/bench/Coordination.Bench/bin/Release/net10.0/Coordination.Bench.dll" ${BASELINE_JSON:+--baseline "$BASELINE_JSON"} "$@" || rc=$?
[ "$started" = 1 ] && "$ROOT/run.sh" stop >/dev/null
exit $rc
