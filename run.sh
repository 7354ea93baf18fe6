#!/usr/bin/env bash
# Runs the whole system locally in Development: infrastructure (scripts/infra.sh), then the Directory (sign-in) and
# the five services, each applying its migrations at start-up. `./run.sh stop` stops the services and the
# infrastructure it started (`./run.sh stop --services-only` leaves the infrastructure up). The console (the browser
# front) starts last on http://127.0.0.1:5300/. Development secrets are made on the first run and kept under .infra/ (git-ignored):
# the identity-number pepper in .infra/secrets.env, the Directory's key pair in .infra/directory-keys/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="$ROOT/.run"
SERVICES=(Directory:5106 Intake:5101 Assignment:5102 LegalDiversion:5103 JointMeeting:5104 Reporting:5105)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# shellcheck disable=SC1091
. "$ROOT/scripts/runtime-env.sh"

stop() {
  local pidfile name
  for pidfile in "$RUN_DIR"/*.pid; do
    [ -f "$pidfile" ] || continue
    name=$(basename "$pidfile" .pid)
    if kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      kill "$(cat "$pidfile")" && echo "run: $name stopped"
    fi
    rm -f "$pidfile"
  done
  [ "${1:-}" = "--services-only" ] || "$ROOT/scripts/infra.sh" down
}

if [ "${1:-}" = "stop" ]; then stop "${2:-}"; exit 0; fi

# Training mode: ./run.sh --training N runs every service's clock N times faster from now (Clock:Speed, Clock:Origin),
# so that the reminder, 催办 and 督办 ladder can be watched in minutes. Refused outside Development and Training.
# Scale-out: ./run.sh --replicas N starts N instances of each service on the same databases and queues (competing
# consumers; relays and scanners share work with SKIP LOCKED); instance k > 1 listens on the ports + 1000 (k - 1).
REPLICAS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --training)
      [[ "${2:-}" =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "run: --training needs a speed, e.g. ./run.sh --training 60 (an hour a minute)"; exit 2; }
      export Clock__Speed="$2" Clock__Origin="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
      echo "run: training mode: clocks run ${2}x faster from $Clock__Origin"; shift 2 ;;
    --replicas)
      [[ "${2:-}" =~ ^[1-9]$ ]] || { echo "run: --replicas needs a number from 1 to 9"; exit 2; }
      REPLICAS=$2; shift 2 ;;
    *) echo "run: unknown option $1 (./run.sh [--replicas N] [--training SPEED] | ./run.sh stop [--services-only])"; exit 2 ;;
  esac
done

"$ROOT/scripts/infra.sh" up
eval "$("$ROOT/scripts/infra.sh" env)"
mkdir -p "$RUN_DIR"
SECRETS="$ROOT/.infra/secrets.env"
if [ ! -f "$SECRETS" ]; then
  ( umask 077; echo "export Intake__IdentityPepper=$(head -c 32 /dev/urandom | base64 | tr -d '/+=')" >"$SECRETS" )
  echo "run: made development secrets in .infra/secrets.env"
fi
# shellcheck disable=SC1090
. "$SECRETS"
export ASPNETCORE_ENVIRONMENT=Development Directory__KeyDirectory="$ROOT/.infra/directory-keys"
# Each service runs as its own RabbitMQ user, allowed to publish only its own events (least privilege).
. "$ROOT/scripts/rabbit-users.sh"
provision_rabbit
echo "run: building"
dotnet build "$ROOT/Coordination.sln" -c Release -v quiet -nologo >"$RUN_DIR/build.log" 2>&1 || { tail -30 "$RUN_DIR/build.log"; exit 1; }

# Instances: "Name:port" for the first, "Name-k:port+1000(k-1)" for replica k (the Directory runs once: it is the issuer).
INSTANCES=()
for entry in "${SERVICES[@]}"; do
  INSTANCES+=("$entry")
  [ "${entry%%:*}" = Directory ] && continue
  for k in $(seq 2 "$REPLICAS"); do INSTANCES+=("${entry%%:*}-$k:$((${entry##*:} + 1000 * (k - 1)))"); done
done

for entry in "${INSTANCES[@]}"; do
  instance=${entry%%:*} port=${entry##*:} name=${instance%%-*}
  pidfile="$RUN_DIR/$instance.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then echo "run: $instance already running"; continue; fi
  ( cd "$ROOT/services/$name/bin/Release/net10.0"
    export Ports__Grpc=$port Ports__Http=$((port + 100))
    use_rabbit_user "$name"
    exec nohup dotnet "Coordination.$name.dll" ) >"$RUN_DIR/$instance.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
done

for entry in "${INSTANCES[@]}"; do
  instance=${entry%%:*} port=${entry##*:}
  for i in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$((port + 100))/health/ready" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$(cat "$RUN_DIR/$instance.pid")" 2>/dev/null; then echo "run: $instance exited; see $RUN_DIR/$instance.log"; tail -20 "$RUN_DIR/$instance.log"; exit 1; fi
    [ "$i" = 120 ] && { echo "run: $instance not ready after 60s; see $RUN_DIR/$instance.log"; exit 1; }
    sleep 0.5
  done
  printf 'run: %-17s gRPC http://127.0.0.1:%s   health http://127.0.0.1:%s/health/ready   metrics /metrics   log .run/%s.log\n' "$instance" "$port" $((port + 100)) "$instance"
done
# The console: sign-in through the Directory, gRPC to the services with each person's token (a merge had lost this).
pidfile="$RUN_DIR/Console.pid"
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then echo "run: Console already running"
else
  ( cd "$ROOT/services/Console/bin/Release/net10.0"
    export Ports__Http=5300
    # 运行监控 reads each service's /metrics and /health/ready on its HTTP port (gRPC port + 100).
    for entry in "${SERVICES[@]}"; do export "Console__Metrics__${entry%%:*}=http://127.0.0.1:$((${entry##*:} + 100))"; done
    exec nohup dotnet Coordination.Console.dll ) >"$RUN_DIR/Console.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
fi
for i in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:5300/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then echo "run: Console exited; see $RUN_DIR/Console.log"; tail -20 "$RUN_DIR/Console.log"; exit 1; fi
  [ "$i" = 120 ] && { echo "run: Console not ready after 60s; see $RUN_DIR/Console.log"; exit 1; }
  sleep 0.5
done
echo "run: Directory (sign-in) http://127.0.0.1:5206/  (discovery: /.well-known/openid-configuration)"
echo "run: Console (sign in as clerk.nanjing, dept.xuanwu-housing, bureau.jiangsu, committee.nanjing, leader.nanjing …, admin for 运行监控 / Dev-Passw0rd-2026):"
echo "run:   http://127.0.0.1:5300/"
echo "run: try it: tools/coord --profile clerk login --user clerk.nanjing --password Dev-Passw0rd-2026"
echo "run:         tools/coord --profile clerk register --region 320102 --topic housing --summary '...' --name 张三"
