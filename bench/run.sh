#!/usr/bin/env bash
# End-to-end benchmark: starts the system with ./run.sh unless it is already up, registers petitions through
# Intake's gRPC API and waits for every case to be assigned and on its timeline in Reporting. Prints figures.
# Usage: bench/run.sh [--count N] [--concurrency C] [--warm-up W] [--regions 1..11] [--rounds R]
# (districts of Nanjing, round-robin; each round reports its own figures, the first after a start pays for JIT)
# The clerk signs in at the Directory by the password grant: the seeded clerk.nanjing with the development password,
# unless COORD_TOKEN (or --token) gives a token, or COORD_USER / COORD_PASSWORD / COORD_DIRECTORY say otherwise.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
started=0
if ! curl -fs http://127.0.0.1:5205/health/ready >/dev/null 2>&1; then "$ROOT/run.sh" >/dev/null; started=1; fi
eval "$("$ROOT/scripts/infra.sh" env)"
dotnet build "$ROOT/bench/Coordination.Bench" -c Release -v quiet -nologo >/dev/null
rc=0
COORD_BENCH_PIDS="$(cat "$ROOT"/.run/*.pid 2>/dev/null | tr '\n' ' ')" \
COORD_USER="${COORD_USER:-clerk.nanjing}" COORD_PASSWORD="${COORD_PASSWORD:-Dev-Passw0rd-2026}" \
  dotnet "$ROOT/bench/Coordination.Bench/bin/Release/net10.0/Coordination.Bench.dll" "$@" || rc=$?
[ "$started" = 1 ] && "$ROOT/run.sh" stop >/dev/null
exit $rc
