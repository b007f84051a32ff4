#!/usr/bin/env bash
# container-tests build and run the images with podman (runc: crun refuses this VM's hybrid cgroups), make the Debian
# base with debootstrap where no registry is reachable, and run docker-compose.yml with podman-compose. The podman
# settings live in containers/containers.conf (CONTAINERS_CONF where containers/podman-conf.sh says so), not in /etc.
set -euo pipefail
# runc named with podman, so that apt does not pick crun for podman's "crun | runc"; netavark and aardvark-dns give
# user networks with DNS by container name; iptables publishes ports.
packages=(podman runc netavark aardvark-dns iptables debootstrap podman-compose)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
podman --version
