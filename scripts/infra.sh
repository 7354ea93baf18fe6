#!/usr/bin/env bash
# Local infrastructure without Docker: PostgreSQL 15, RabbitMQ and Redis from Debian's packages,
# started as background processes with their data under $INFRA_DIR (default: <checkout>/.infra).
# Usage: scripts/infra.sh up|down|status|env     Safe to run twice.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INFRA_DIR="${INFRA_DIR:-$ROOT/.infra}"
PG_PORT="${PG_PORT:-5432}"
RABBITMQ_PORT="${RABBITMQ_PORT:-5672}"
RABBITMQ_MGMT_PORT="${RABBITMQ_MGMT_PORT:-15672}"
REDIS_PORT="${REDIS_PORT:-6379}"
PG_USER="${PG_USER:-coordination}"
PG_PASSWORD="${PG_PASSWORD:-coordination}"
RABBITMQ_USER="${RABBITMQ_USER:-coordination}"
RABBITMQ_PASSWORD="${RABBITMQ_PASSWORD:-coordination}"
RABBITMQ_NODE="coordination-${RABBITMQ_PORT}@localhost"

exec 3>&2 # errors reach the terminal even from checks whose output is silenced
log() { printf 'infra: %s\n' "$*"; }
die() { printf 'infra: ERROR: %s\n' "$*" >&3; exit 1; }

pg_bin() {
  for d in /usr/lib/postgresql/15/bin /usr/local/bin /usr/bin; do
    [ -x "$d/$1" ] && { echo "$d/$1"; return; }
  done
  command -v "$1" || true
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A port that answers but is not ours gets one clear line, not an obscure failure later.
claim_port() { # name port pidfile
  local name=$1 port=$2 pidfile=$3
  if port_open "$port"; then
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then return 1; fi
    die "$name: port $port is already taken by another process; set ${4} to a free port"
  fi
  return 0
}

install_missing() {
  local need=()
  [ -n "$(pg_bin initdb)" ] || need+=(postgresql-15)
  command -v redis-server >/dev/null || need+=(redis-server)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need+=(rabbitmq-server)
  # The console's browser tests drive Debian's Chromium (Playwright cannot download its own here); a CJK font
  # lets its screenshots show Chinese.
  command -v chromium >/dev/null || need+=(chromium)
  [ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || need+=(fonts-wqy-zenhei)
  if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]} from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

wait_for() { # name seconds command...
  local name=$1 secs=$2 deadline=$((SECONDS + $2)); shift 2
  while [ "$SECONDS" -lt "$deadline" ]; do
    if "$@" >/dev/null 2>&1; then log "$name ready"; return 0; fi
    sleep 0.25
  done
  die "$name did not answer within ${secs}s (logs under $INFRA_DIR)"
}

# PostgreSQL runs as the postgres user, which may not be able to reach a checkout under a private folder
# (/root, say). Then its data lives in /var/tmp and .infra/postgres is a link to it.
pg_home_reachable() {
  [ -e "$INFRA_DIR/postgres" ] || mkdir -p "$INFRA_DIR/postgres"
  if ! runuser -u postgres -- test -x "$INFRA_DIR" 2>/dev/null; then
    if [ ! -L "$INFRA_DIR/postgres" ]; then
      local outside="/var/tmp/coordination-pg-$(printf '%s' "$INFRA_DIR" | md5sum | cut -c1-12)"
      mkdir -p "$outside"; rm -rf "$INFRA_DIR/postgres"; ln -s "$outside" "$INFRA_DIR/postgres"
      log "postgres cannot reach $INFRA_DIR; its data lives in $outside (linked from .infra/postgres)"
    fi
  fi
  mkdir -p "$INFRA_DIR/postgres/run"
}

pg_up() {
  claim_port PostgreSQL "$PG_PORT" "$INFRA_DIR/postgres/pid" PG_PORT || { log "PostgreSQL already running on $PG_PORT"; return; }
  pg_home_reachable
  local home; home="$(readlink -f "$INFRA_DIR/postgres")"
  local data="$home/data" run="$home/run" pidfile="$home/data/postmaster.pid"
  chown -R postgres:postgres "$home"
  if [ ! -f "$data/PG_VERSION" ]; then
    runuser -u postgres -- "$(pg_bin initdb)" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >"$home/initdb.log" 2>&1 || die "initdb failed: see $home/initdb.log"
    cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
synchronous_commit = on
fsync = on
max_prepared_transactions = 0
CONF
  fi
  # The log belongs to postgres: pg_ctl appends to it as that user, and so does our own stderr redirection.
  touch "$home/server.log"; chown postgres:postgres "$home/server.log"
  # Write-heavy settings (issue 15), given at every start so that an existing data directory takes them too: every case
  # writes ~100 WAL records, and with the defaults (a checkpoint every 1 GB of WAL, uncompressed full-page images) a
  # case wrote 37 KB of WAL, nine tenths of it page images taken again after each checkpoint (pg_stat_wal): a checkpoint
  # came every half minute at 1,000 cases/s. Longer between checkpoints and lz4-compressed images: 13.7-14.6 KB a case
  # once the interval settled, and PostgreSQL's CPU a case 0.49-0.52 -> 0.40-0.42 ms. A larger buffer cache keeps more
  # of the indexes' pages from being read back from the OS cache (6 blocks a case at 256 MB, 4.8 at 1 GB, on a database
  # of ~2 million cases). The baseline measures on the same server (bench/budget.sh prints the WAL a case).
  local tuning="-c shared_buffers=1GB -c max_wal_size=4GB -c checkpoint_timeout=15min -c wal_compression=lz4"
  runuser -u postgres -- "$(pg_bin pg_ctl)" -D "$data" -o "-p $PG_PORT -k $run -c max_connections=1000 $tuning -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=top -c track_commit_timestamp=on" -l "$home/server.log" -w start >/dev/null 2>>"$home/server.log" 3>&- \
    || { tail -5 "$home/server.log" >&3; die "PostgreSQL failed to start: see $home/server.log"; }
  head -1 "$pidfile" >"$home/pid"
  wait_for PostgreSQL 30 "$(pg_bin pg_isready)" -h 127.0.0.1 -p "$PG_PORT"
  runuser -u postgres -- psql -h "$run" -p "$PG_PORT" -U postgres -d postgres -qtAc \
    "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='$PG_USER') THEN CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD'; END IF; END\$\$;
     ALTER ROLE $PG_USER REPLICATION;" >/dev/null # scripts/backup.sh takes base backups as this role
  # Statement statistics for bench/budget.sh, readable and resettable by the project's role.
  runuser -u postgres -- psql -h "$run" -p "$PG_PORT" -U postgres -d postgres -qtAc \
    "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; GRANT pg_read_all_stats TO $PG_USER;
     GRANT EXECUTE ON FUNCTION pg_stat_statements_reset(oid, oid, bigint) TO $PG_USER;" >/dev/null
}

rabbit_env() {
  export HOME="$INFRA_DIR/rabbitmq"   # the Erlang cookie lives here, shared by server and rabbitmqctl
  export RABBITMQ_NODENAME="$RABBITMQ_NODE" RABBITMQ_NODE_PORT="$RABBITMQ_PORT" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  # Erlang distribution port: RabbitMQ's convention (AMQP + 20000) where that is a valid port.
  local dist=$((RABBITMQ_PORT + 20000)); [ "$dist" -le 65535 ] || dist=$((RABBITMQ_PORT - 10000))
  export RABBITMQ_DIST_PORT="${RABBITMQ_DIST_PORT:-$dist}"
  export RABBITMQ_MNESIA_BASE="$INFRA_DIR/rabbitmq/mnesia" RABBITMQ_LOG_BASE="$INFRA_DIR/rabbitmq/log"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$INFRA_DIR/rabbitmq/enabled_plugins"
  export RABBITMQ_CONFIG_FILE="$INFRA_DIR/rabbitmq/rabbitmq"
  export RABBITMQ_PID_FILE="$INFRA_DIR/rabbitmq/pid"
}

rabbitctl() { ( rabbit_env; /usr/lib/rabbitmq/bin/rabbitmqctl -n "$RABBITMQ_NODE" "$@" ); }

# Ready when rabbitmqctl says so; a node that died at boot fails at once with the reason.
rabbit_started() {
  if grep -qE 'Kernel pid terminated|init terminating' "$INFRA_DIR/rabbitmq/server.out" 2>/dev/null; then
    tail -3 "$INFRA_DIR/rabbitmq/server.out" >&3
    die "RabbitMQ failed to start: see $INFRA_DIR/rabbitmq/server.out"
  fi
  rabbitctl await_startup --timeout 2
}

rabbit_up() {
  claim_port RabbitMQ "$RABBITMQ_PORT" "$INFRA_DIR/rabbitmq/pid" RABBITMQ_PORT || { log "RabbitMQ already running on $RABBITMQ_PORT"; return; }
  port_open "$RABBITMQ_MGMT_PORT" && die "RabbitMQ management: port $RABBITMQ_MGMT_PORT is already taken by another process; set RABBITMQ_MGMT_PORT to a free port"
  mkdir -p "$INFRA_DIR/rabbitmq/log" "$INFRA_DIR/rabbitmq/mnesia"
  echo '[rabbitmq_management].' >"$INFRA_DIR/rabbitmq/enabled_plugins"
  cat >"$INFRA_DIR/rabbitmq/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$RABBITMQ_PORT
management.tcp.port = $RABBITMQ_MGMT_PORT
management.tcp.ip = 127.0.0.1
loopback_users = none
vm_memory_high_watermark.relative = 0.3
disk_free_limit.absolute = 200MB
CONF
  : >"$INFRA_DIR/rabbitmq/server.out"
  # Servers must not keep the caller's output open (fd 3 included), or a pipe reading it never sees its end.
  ( rabbit_env; nohup /usr/lib/rabbitmq/bin/rabbitmq-server >"$INFRA_DIR/rabbitmq/server.out" 2>&1 3>&- </dev/null & )
  wait_for RabbitMQ 90 rabbit_started
  rabbitctl list_users 2>/dev/null | grep -q "^$RABBITMQ_USER\b" || {
    rabbitctl add_user "$RABBITMQ_USER" "$RABBITMQ_PASSWORD" >/dev/null
    rabbitctl set_user_tags "$RABBITMQ_USER" administrator >/dev/null
    rabbitctl set_permissions -p / "$RABBITMQ_USER" '.*' '.*' '.*' >/dev/null
  }
  wait_for "RabbitMQ management" 30 port_open "$RABBITMQ_MGMT_PORT"
}

redis_up() {
  claim_port Redis "$REDIS_PORT" "$INFRA_DIR/redis/pid" REDIS_PORT || { log "Redis already running on $REDIS_PORT"; return; }
  mkdir -p "$INFRA_DIR/redis"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$INFRA_DIR/redis" --daemonize yes \
    --pidfile "$INFRA_DIR/redis/pid" --logfile "$INFRA_DIR/redis/server.log" --save '' --appendonly no >/dev/null 2>&1 3>&- </dev/null
  wait_for Redis 15 redis-cli -p "$REDIS_PORT" ping
}

# Waits until a process has gone, so that a following "up" finds its port free.
await_exit() { for _ in $(seq 1 80); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.25; done; }

down() {
  if [ -f "$INFRA_DIR/postgres/data/postmaster.pid" ]; then
    runuser -u postgres -- "$(pg_bin pg_ctl)" -D "$(readlink -f "$INFRA_DIR/postgres")/data" -m fast -w stop >/dev/null 2>&1 || true
    log "PostgreSQL stopped"
  fi
  if [ -f "$INFRA_DIR/rabbitmq/pid" ] && kill -0 "$(cat "$INFRA_DIR/rabbitmq/pid")" 2>/dev/null; then
    local rabbit_pid; rabbit_pid="$(cat "$INFRA_DIR/rabbitmq/pid")"
    rabbitctl stop >/dev/null 2>&1 || kill "$rabbit_pid" || true
    await_exit "$rabbit_pid"
    log "RabbitMQ stopped"
  fi
  if [ -f "$INFRA_DIR/redis/pid" ] && kill -0 "$(cat "$INFRA_DIR/redis/pid")" 2>/dev/null; then
    local redis_pid; redis_pid="$(cat "$INFRA_DIR/redis/pid")"
    kill "$redis_pid" || true
    await_exit "$redis_pid"
    log "Redis stopped"
  fi
}

status() {
  local rc=0
  if port_open "$PG_PORT"; then log "PostgreSQL up on 127.0.0.1:$PG_PORT"; else log "PostgreSQL down"; rc=1; fi
  if port_open "$RABBITMQ_PORT"; then log "RabbitMQ up on 127.0.0.1:$RABBITMQ_PORT (management $RABBITMQ_MGMT_PORT)"; else log "RabbitMQ down"; rc=1; fi
  if port_open "$REDIS_PORT"; then log "Redis up on 127.0.0.1:$REDIS_PORT"; else log "Redis down"; rc=1; fi
  return $rc
}

# What the services and tests read (ServiceDefaults and the test fixture take these names).
print_env() {
  cat <<ENV
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Password=$PG_PASSWORD"
export RabbitMq__Host=127.0.0.1 RabbitMq__Port=$RABBITMQ_PORT RabbitMq__ManagementPort=$RABBITMQ_MGMT_PORT RabbitMq__Username=$RABBITMQ_USER RabbitMq__Password=$RABBITMQ_PASSWORD
export Redis__Configuration=127.0.0.1:$REDIS_PORT
ENV
}

cd / # commands run as postgres may not be able to enter the checkout
case "${1:-}" in
  up) [ "$(id -u)" = 0 ] || die "run as root (it installs packages and starts PostgreSQL as the postgres user)"
      mkdir -p "$INFRA_DIR"; install_missing; pg_up; redis_up; rabbit_up; status ;;
  down) down ;;
  status) status ;;
  env) print_env ;;
  *) echo "usage: $0 up|down|status|env" >&2; exit 2 ;;
esac
