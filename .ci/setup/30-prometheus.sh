#!/usr/bin/env bash
# Debian's Prometheus (prometheus and promtool) for observability-tests: promtool checks and unit-tests the alert rules
# and backfills the Kubernetes fixture; the live test runs its own Prometheus on loopback. Safe to run again.
set -euo pipefail

if ! command -v promtool >/dev/null || ! command -v prometheus >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # no recommends: node-exporter and its collectors are not needed
  apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi
# The package starts a Prometheus service where systemd runs; the tests start their own, so stop it to spare the CPU.
if command -v systemctl >/dev/null && systemctl is-active --quiet prometheus 2>/dev/null; then
  systemctl disable --now prometheus >/dev/null 2>&1 || true
fi
prometheus --version 2>&1 | sed -n 1p
