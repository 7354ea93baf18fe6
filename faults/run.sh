#!/usr/bin/env bash
# Fault ledger: each scenario runs the benchmark's load generator (bench/Coordination.Bench, as it is) in batches,
# injects one fault mid-load, waits (bounded) until the system has settled and counts from the databases:
#   fault <name>: sent N, applied N, lost L, duplicated D, unexpected U, parked P, recovered in S s
# Usage: faults/run.sh [--full] [--only name[,name...]] [--list]
#   default: short outages (Redis 20 s, PostgreSQL pause 15 s) so the whole suite takes ~10-15 minutes;
#   --full:  the issue's durations (Redis stopped 2 min, PostgreSQL paused 60 s, a 10-minute soak).
# Owns the default ports: starts the system with ./run.sh if it is not up and stops it at the end (unless
# FAULTS_KEEP=1). Results also go to faults/last-run.txt (whole-suite runs; --only writes .run/faults/last-run.txt).
# Counting (see faults/ledger.py) is by registration time: scenarios run one after the other and each waits until
# the previous one has settled.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FAULTS="$ROOT/faults"
RUN_DIR="$ROOT/.run"
INFRA_DIR="$ROOT/.infra"
WORK="$RUN_DIR/faults"
OUT="$FAULTS/last-run.txt"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# shellcheck disable=SC1091
. "$ROOT/scripts/runtime-env.sh"

FULL=0 ONLY="" LIST=0
while [ $# -gt 0 ]; do
  case "$1" in
    --full) FULL=1 ;;
    --only) ONLY="${2:?--only needs names}"; shift ;;
    --list) LIST=1 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "faults: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if [ "$FULL" = 1 ]; then
  LOAD_SECONDS=${LOAD_SECONDS:-60} REDIS_DOWN=120 PG_PAUSE=60 REDIS_PAUSE=60 SOAK_SECONDS=${SOAK_SECONDS:-600}
else
  LOAD_SECONDS=${LOAD_SECONDS:-25} REDIS_DOWN=20 PG_PAUSE=15 REDIS_PAUSE=15 SOAK_SECONDS=${SOAK_SECONDS:-0}
fi
FAULT_AT=${FAULT_AT:-10}          # seconds into the load
SETTLE_TIMEOUT=${SETTLE_TIMEOUT:-180}
BATCH=${BATCH:-100} CONCURRENCY=${CONCURRENCY:-8}

SCENARIOS=(kill-intake kill-assignment kill-reporting kill-directory kill-legaldiversion kill-jointmeeting
  postgres-restart rabbitmq-restart rabbitmq-kill redis-stop redis-pause postgres-pause
  duplicate-reorder poison queues-missing)
[ "$SOAK_SECONDS" -gt 0 ] && SCENARIOS+=(soak)
if [ "$LIST" = 1 ]; then printf '%s\n' "${SCENARIOS[@]}"; exit 0; fi
if [ -n "$ONLY" ]; then IFS=, read -r -a SCENARIOS <<<"$ONLY"; fi

log() { printf 'faults: %s\n' "$*" >&2; }
now() { date +%s.%N; }
iso_now() { date -u +%Y-%m-%dT%H:%M:%S.%6NZ; }

# --- what this suite started, stopped by the trap -------------------------------------------------------------
LOAD_PID="" STOPPED_PIDS=() STARTED_SYSTEM=0
cleanup() {
  local rc=$?
  [ -n "$LOAD_PID" ] && kill "$LOAD_PID" 2>/dev/null || true
  for p in "${STOPPED_PIDS[@]}"; do kill -CONT "$p" 2>/dev/null || true; done  # never leave a paused process
  if [ "${FAULTS_KEEP:-0}" != 1 ]; then "$ROOT/run.sh" stop >/dev/null 2>&1 || true; log "system stopped"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

eval "$("$ROOT/scripts/infra.sh" env)"
. "$ROOT/scripts/rabbit-users.sh"
mkdir -p "$WORK"

system_up() {
  if ! curl -fs http://127.0.0.1:5205/health/ready >/dev/null 2>&1; then
    log "starting the system (./run.sh)"; "$ROOT/run.sh" >"$WORK/run.log" 2>&1 || { tail -20 "$WORK/run.log" >&2; exit 1; }
    STARTED_SYSTEM=1
  fi
}

# --- services: started exactly as ./run.sh starts them ------------------------------------------------------------
port_of() { case "$1" in Intake) echo 5101 ;; Assignment) echo 5102 ;; LegalDiversion) echo 5103 ;;
  JointMeeting) echo 5104 ;; Reporting) echo 5105 ;; Directory) echo 5106 ;; esac; }

start_service() {
  local name=$1 port; port=$(port_of "$1")
  ( # shellcheck disable=SC1091
    . "$INFRA_DIR/secrets.env"
    export ASPNETCORE_ENVIRONMENT=Development Directory__KeyDirectory="$INFRA_DIR/directory-keys"
    cd "$ROOT/services/$name/bin/Release/net10.0"
    export Ports__Grpc=$port Ports__Http=$((port + 100))
    use_rabbit_user "$name"
    exec nohup dotnet "Coordination.$name.dll" ) >>"$RUN_DIR/$name.log" 2>&1 </dev/null &
  echo $! >"$RUN_DIR/$name.pid"
}

await_ready() { # name seconds
  local port; port=$(port_of "$1")
  for _ in $(seq 1 $(($2 * 2))); do
    curl -fs "http://127.0.0.1:$((port + 100))/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  log "$1 not ready after $2 s"; return 1
}

all_ready() { for s in Directory Intake Assignment LegalDiversion JointMeeting Reporting; do await_ready "$s" 120 || return 1; done; }

# --- infrastructure ----------------------------------------------------------------------------------------------
infra_up() { "$ROOT/scripts/infra.sh" up >"$WORK/infra.log" 2>&1 || { tail -5 "$WORK/infra.log" >&2; return 1; }; }
pg_home() { readlink -f "$INFRA_DIR/postgres"; }
pg_ctl() { local b=/usr/lib/postgresql/15/bin/pg_ctl; [ -x "$b" ] || b=$(command -v pg_ctl); runuser -u postgres -- "$b" "$@"; }
postmaster_pid() { head -1 "$(pg_home)/data/postmaster.pid"; }
# The postmaster and its backends: pausing only the postmaster leaves open connections working.
pg_pids() { local pm; pm=$(postmaster_pid); echo "$pm" $(pgrep -P "$pm" || true); }

pause_pids() { STOPPED_PIDS=("$@"); kill -STOP "$@"; }
resume_pids() { kill -CONT "${STOPPED_PIDS[@]}" 2>/dev/null || true; STOPPED_PIDS=(); }

await_gone() { for _ in $(seq 1 120); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.25; done; return 1; }

# --- load: the bench's generator in batches until the load window ends (a batch that fails, e.g. Intake down, just ends) --
BENCH_DLL="$ROOT/bench/Coordination.Bench/bin/Release/net10.0/Coordination.Bench.dll"
# The generator as the seeded clerk, at the suite's concurrency over Nanjing's 11 districts: generator SECONDS_LIMIT ARGS...
# GENERATOR_CONCURRENCY= (empty) leaves the calls in flight to the bench's own default.
generator() {
  local limit=$1; shift
  local n="${GENERATOR_CONCURRENCY-$CONCURRENCY}" concurrency=()
  [ -n "$n" ] && concurrency=(--concurrency "$n")
  COORD_USER=clerk.nanjing COORD_PASSWORD=Dev-Passw0rd-2026 timeout "$limit" dotnet "$BENCH_DLL" \
    "${concurrency[@]}" --regions 11 --rounds 1 "$@"
}
load_loop() { # seconds
  local until=$((SECONDS + $1)) i=0 rc
  while [ "$SECONDS" -lt "$until" ]; do
    i=$((i + 1))
    generator 120 --count "$BATCH" --warm-up 0 --timeout 1 >>"$WORK/load.log" 2>&1 \
      || { rc=$?; [ "$rc" = 1 ] || { echo "faults: batch $i failed (rc $rc)" >>"$WORK/load.log"; sleep 1; }; }
    # rc 1: the batch's cases were not all on the timeline within the generator's 1 s wait (counted later, not a
    # failure); rc 2: no token from the Directory; other: Intake refused or was unreachable mid-batch.
  done
}

# --- faults: inject, sleep as long as the fault lasts, end it; set FAULT_END ----------------------------------------
inject() {
  case "$1" in
    kill-*)
      local name
      case "${1#kill-}" in intake) name=Intake ;; assignment) name=Assignment ;; reporting) name=Reporting ;;
        directory) name=Directory ;; legaldiversion) name=LegalDiversion ;; jointmeeting) name=JointMeeting ;;
        *) log "unknown service in $1"; return 1 ;; esac
      local pid; pid=$(cat "$RUN_DIR/$name.pid")
      log "kill -9 $name ($pid)"; kill -9 "$pid"; await_gone "$pid"
      sleep 3; start_service "$name"; FAULT_END=$(now); await_ready "$name" 120 ;;
    postgres-restart)
      log "PostgreSQL: fast stop, 5 s down, start"
      pg_ctl -D "$(pg_home)/data" -m fast -w stop >/dev/null; sleep 5; infra_up; FAULT_END=$(now) ;;
    postgres-pause)
      log "PostgreSQL: SIGSTOP for ${PG_PAUSE} s"
      # shellcheck disable=SC2046
      pause_pids $(pg_pids); sleep "$PG_PAUSE"; resume_pids; FAULT_END=$(now) ;;
    rabbitmq-restart|rabbitmq-kill)
      local pid; pid=$(cat "$INFRA_DIR/rabbitmq/pid")
      if [ "$1" = rabbitmq-kill ]; then log "RabbitMQ: kill -9 $pid"; kill -9 "$pid"; else log "RabbitMQ: SIGTERM $pid"; kill "$pid"; fi
      await_gone "$pid"; sleep 3; infra_up; FAULT_END=$(now) ;;
    redis-stop)
      local pid; pid=$(cat "$INFRA_DIR/redis/pid")
      log "Redis: stopped for ${REDIS_DOWN} s"; kill "$pid"; await_gone "$pid"; sleep "$REDIS_DOWN"; infra_up; FAULT_END=$(now) ;;
    redis-pause)
      log "Redis: SIGSTOP for ${REDIS_PAUSE} s"
      pause_pids "$(cat "$INFRA_DIR/redis/pid")"; sleep "$REDIS_PAUSE"; resume_pids; FAULT_END=$(now) ;;
    duplicate-reorder)
      log "RabbitMQ: what was published so far delivered twice more, newest first"
      python3 "$FAULTS/rabbit.py" tap-replay >&2; FAULT_END=$(now) ;;
    poison)
      log "RabbitMQ: 3 unreadable messages among the PetitionRegistered events"
      python3 "$FAULTS/rabbit.py" poison 3 >&2; FAULT_END=$(now) ;;
    queues-missing)
      local assignment intake; assignment=$(cat "$RUN_DIR/Assignment.pid"); intake=$(cat "$RUN_DIR/Intake.pid")
      log "Intake stopped, Assignment stopped once its queue is drained; the queue and exchange assignment-petition-registered" \
        "deleted (as before a first start); Intake started, so it publishes before that queue exists; Assignment started 10 s later"
      kill "$intake"; await_gone "$intake"
      python3 "$FAULTS/rabbit.py" await-empty assignment-petition-registered
      kill "$assignment"; await_gone "$assignment"
      python3 "$FAULTS/rabbit.py" delete-queue assignment-petition-registered
      python3 "$FAULTS/rabbit.py" delete-exchange assignment-petition-registered
      start_service Intake; await_ready Intake 120
      sleep 10; start_service Assignment; FAULT_END=$(now); await_ready Assignment 120 ;;
    soak) FAULT_END=$(now) ;;
    *) log "unknown scenario $1"; return 1 ;;
  esac
}

# --- the soak's rate: half of what the system carries end to end, measured just before (fresh cases, 10 s or so) ----
measure_max_rate() {
  local out rate
  # At the bench's own calls in flight (its default): the suite's few measure their latency, not the capacity.
  out=$(GENERATOR_CONCURRENCY= generator 300 --count 5000 --warm-up 500 --timeout 120 2>&1) || true
  echo "$out" >>"$WORK/load.log"
  rate=$(sed -n 's/.* = \([0-9]*\) cases\/s end to end.*/\1/p' <<<"$out" | tail -1)
  echo "${rate:-0}"
}

# One generator process paced at RATE a second for SECONDS (batches would pay a start-up and a sign-in each).
soak_load() { # rate seconds
  generator $(($2 + 300)) --count $(($1 * $2)) --rate "$1" --warm-up 0 --timeout 1 >>"$WORK/load.log" 2>&1 || true
}

run_scenario() {
  local name=$1 since parked_before load_seconds=$LOAD_SECONDS rate=0
  [ "$name" = soak ] && load_seconds=$SOAK_SECONDS
  all_ready
  if [ "$name" = soak ]; then
    local max; max=$(measure_max_rate)
    rate=$((max / 2)); [ "$rate" -ge 1 ] || rate=20
    log "soak: the system carried $max cases/s end to end just now; soaking at $rate/s"
    echo "soak rate: $rate registrations/s, half of the $max cases/s measured just before" >"$WORK/soak-rate.txt"
  fi
  since=$(iso_now); parked_before=$(python3 "$FAULTS/ledger.py" parked)
  log "scenario $name: load for ${load_seconds} s, fault at ${FAULT_AT} s"
  [ "$name" = duplicate-reorder ] && python3 "$FAULTS/rabbit.py" tap-start
  if [ "$name" = soak ]; then soak_load "$rate" "$load_seconds" & LOAD_PID=$!
  else load_loop "$load_seconds" 2>>"$WORK/load.log" & LOAD_PID=$!; fi
  local sampler=""
  if [ "$name" = soak ]; then python3 "$FAULTS/sample.py" "$RUN_DIR" "$load_seconds" >"$WORK/soak-sample.txt" 2>&1 & sampler=$!; fi
  sleep "$FAULT_AT"
  FAULT_END=""
  inject "$name" || log "scenario $name: injecting failed"
  [ -n "$FAULT_END" ] || FAULT_END=$(now)
  # Beside the rest of the load: how long until the cases registered before the fault's end are all applied.
  local recovered="$WORK/recovered-$name.txt" watcher
  rm -f "$recovered"
  python3 "$FAULTS/ledger.py" recover "$since" "$FAULT_END" $((load_seconds + SETTLE_TIMEOUT)) "$recovered" 2>>"$WORK/load.log" & watcher=$!
  wait "$LOAD_PID" || true; LOAD_PID=""
  wait "$watcher" || true
  python3 "$FAULTS/ledger.py" settle "$name" "$since" "$SETTLE_TIMEOUT" "$parked_before" "$recovered" | tee -a "$WORK/results.txt"
  if [ -n "$sampler" ]; then
    wait "$sampler" || true
    tee -a "$WORK/results.txt" <"$WORK/soak-rate.txt"; tee -a "$WORK/results.txt" <"$WORK/soak-sample.txt"
  fi
}

system_up
log "building the load generator"
dotnet build "$ROOT/bench/Coordination.Bench" -c Release -v quiet -nologo >"$WORK/bench-build.log" 2>&1 || { tail -20 "$WORK/bench-build.log" >&2; exit 1; }
: >"$WORK/results.txt"; : >"$WORK/load.log"
started_at=$(date -u +%Y-%m-%dT%H:%MZ)
for s in "${SCENARIOS[@]}"; do
  run_scenario "$s" || log "scenario $s failed"
done
{ echo "# faults/run.sh $([ "$FULL" = 1 ] && echo --full) — $started_at, load ${LOAD_SECONDS} s per scenario (batches of $BATCH at concurrency $CONCURRENCY), fault at ${FAULT_AT} s"
  cat "$WORK/results.txt"; } >"$WORK/last-run.txt"
[ -z "$ONLY" ] && cp "$WORK/last-run.txt" "$OUT"   # faults/last-run.txt holds whole-suite runs only
echo; cat "$WORK/last-run.txt"
