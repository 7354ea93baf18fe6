#!/usr/bin/env bash
# The gRPC API's conventions and compatibility, as CI checks them:
#   buf lint      Buf's STANDARD rules (contracts/Coordination.Contracts/Protos/buf.yaml)
#   buf breaking  FILE rules against contracts/api-baseline.binpb, the API of the last release
# Exits non-zero on any finding.
#
# buf 1.75.0 comes from npm (@bufbuild/buf) into .tools/buf/ (git-ignored) on first use; npm itself from Debian's
# packages when it is absent. Nothing needs installing by hand.
#
# A release regenerates the baseline, so that the next release is checked against it:
#   scripts/buf.sh baseline     (runs `buf build -o ../../api-baseline.binpb` in the Protos folder; commit the file)
#
# Usage: scripts/buf.sh [check|baseline]     check is the default.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUF_VERSION=1.75.0
TOOLS="$ROOT/.tools/buf"
BUF="$TOOLS/node_modules/.bin/buf"
PROTOS="$ROOT/contracts/Coordination.Contracts/Protos"
BASELINE=../../api-baseline.binpb # relative to $PROTOS: contracts/api-baseline.binpb

log() { printf 'buf: %s\n' "$*"; }
die() { printf 'buf: ERROR: %s\n' "$*" >&2; exit 1; }

install_buf() {
  [ -x "$BUF" ] && [ "$("$BUF" --version 2>/dev/null)" = "$BUF_VERSION" ] && return
  if ! command -v npm >/dev/null; then
    log "installing npm from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq npm >/dev/null
  fi
  log "installing @bufbuild/buf@$BUF_VERSION into .tools/buf"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error "@bufbuild/buf@$BUF_VERSION" >/dev/null
  [ "$("$BUF" --version)" = "$BUF_VERSION" ] || die "expected buf $BUF_VERSION, got $("$BUF" --version)"
}

install_buf
cd "$PROTOS"
case "${1:-check}" in
  check)
    [ -f "$BASELINE" ] || die "no baseline at contracts/api-baseline.binpb (a release makes it: scripts/buf.sh baseline)"
    "$BUF" lint || die "buf lint found the findings above (rules: Protos/buf.yaml, STANDARD)"
    "$BUF" breaking --against "$BASELINE" || die "buf breaking: the API changed incompatibly with the last release (contracts/api-baseline.binpb)"
    log "lint and breaking: no findings"
    ;;
  baseline)
    "$BUF" build -o "$BASELINE"
    log "wrote contracts/api-baseline.binpb; commit it with the release"
    ;;
  *) die "usage: scripts/buf.sh [check|baseline]" ;;
esac
