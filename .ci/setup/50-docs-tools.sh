#!/usr/bin/env bash
# docs-tests runs the docs' marked command blocks as a reader types them: curl for the HTTP examples, setsid (from
# util-linux) to stop the local run as Ctrl-C does. podman, podman-compose and promtool come from 20-podman.sh and
# 30-prometheus.sh; Terraform is on the machine. Safe to run again.
set -euo pipefail

missing=()
command -v curl >/dev/null || missing+=(curl)
command -v setsid >/dev/null || missing+=(util-linux)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
curl --version | sed -n 1p
