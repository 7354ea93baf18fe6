#!/usr/bin/env bash
# Runs the console's browser scenarios with CONSOLE_SCREENSHOTS set, which leaves docs/screenshots/*.png (the README's
# pictures: clerk-registration, department-inbox, case-page, bureau-joint-meeting, committee-legal-board, leader-month and
# operations, the administrator's 运行监控). Needs the infrastructure up (scripts/infra.sh up) and Debian's chromium with a CJK font (infra.sh installs both).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
eval "$(scripts/infra.sh env)"
export CONSOLE_SCREENSHOTS="$ROOT/docs/screenshots"
dotnet test tests/Coordination.ConsoleTests -c Release -nologo --filter "FullyQualifiedName~Scenarios"
ls -1 "$CONSOLE_SCREENSHOTS"
