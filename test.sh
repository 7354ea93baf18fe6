#!/usr/bin/env bash
# Brings the local infrastructure up (scripts/infra.sh) and runs every test in the solution. The tests use
# Testcontainers when a Docker engine answers and these local services otherwise. What this script started it stops
# at the end (infrastructure that was already running, e.g. under ./run.sh, stays up; KEEP_INFRA=1 keeps it all up).
# Last line: "tests: N passed, N failed, N skipped".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p .run

already_up=0
scripts/infra.sh status >/dev/null 2>&1 && already_up=1
if [ "$already_up" = 0 ] && [ "${KEEP_INFRA:-0}" != 1 ]; then
  trap 'scripts/infra.sh down >/dev/null 2>&1' EXIT # silent: the summary stays the last line
fi
scripts/infra.sh up || { echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
eval "$(scripts/infra.sh env)"

if ! dotnet build Coordination.sln -c Release -v quiet -nologo >.run/test-build.log 2>&1; then
  grep -E 'error|Error' .run/test-build.log | sort -u | head -40
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

dotnet test Coordination.sln -c Release --no-build -nologo "$@" 2>&1 | tee .run/test.log
rc=${PIPESTATUS[0]}

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 42, Skipped: 0, Total: 42").
read -r passed failed skipped < <(grep -E '^(Passed|Failed)!' .run/test.log | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' \
  | awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
assemblies=$(find tests -name '*.csproj' | wc -l)
reported=$(grep -cE '^(Passed|Failed)!' .run/test.log)
if [ "$reported" -lt "$assemblies" ]; then
  echo "test: only $reported of $assemblies test assemblies reported a summary (a crash?)"
  failed=$((failed + assemblies - reported))
  rc=1
fi
[ "$passed" -gt 0 ] || rc=1
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]
