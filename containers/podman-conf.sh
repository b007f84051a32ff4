#!/usr/bin/env bash
# Prints the path of containers/containers.conf where podman on this host needs it, and nothing elsewhere:
#   CONTAINERS_CONF=$(containers/podman-conf.sh) podman-compose up -d
# It is needed where runc is installed and cgroups are hybrid or v1 (crun refuses those: the Debian VMs this project
# is built and tested on), or where runc is the only runtime anyway. It must not be forced elsewhere: it names runc,
# and a host with crun only (Fedora, RHEL) would then have no runtime.
set -euo pipefail
has() { command -v "$1" >/dev/null || [ -x "/usr/sbin/$1" ] || [ -x "/usr/bin/$1" ]; }
if has runc && { [ ! -f /sys/fs/cgroup/cgroup.controllers ] || ! has crun; }; then
  echo "$(cd "$(dirname "$0")" && pwd)/containers.conf"
fi
