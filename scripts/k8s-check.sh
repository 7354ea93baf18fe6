#!/usr/bin/env bash
# CI: the Kubernetes manifests are what deploy/k8s/generate.py writes, and they build (kubectl kustomize when there is
# a kubectl, else each document must at least parse as YAML).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
before=$(cat deploy/k8s/base/*.yaml | sha256sum)
python3 deploy/k8s/generate.py >/dev/null
[ "$before" = "$(cat deploy/k8s/base/*.yaml | sha256sum)" ] || { echo "k8s: deploy/k8s/base differs from generate.py's output; run it and commit"; exit 1; }
if command -v kubectl >/dev/null; then
  kubectl kustomize deploy/k8s/base >/dev/null && echo "ci: deploy/k8s/base builds with kustomize"
else
  python3 -c 'import sys, yaml; [list(yaml.safe_load_all(open(f))) for f in sys.argv[1:]]' deploy/k8s/base/*.yaml && echo "ci: deploy/k8s/base parses"
fi
