#!/usr/bin/env bash
# Builds the three images: orderflow-gateway, orderflow-processor and orderflow-dynamodb-local (tag "dev" unless
# --tag says otherwise), with Docker where a Docker engine answers, otherwise with podman (docs/containers.md).
#
#   ./build-images.sh                 packages the jars (./mvnw -q package -DskipTests), then builds the images
#   ./build-images.sh --no-maven      never calls Maven (for a Maven build that already made the jars); also
#                                     ORDERFLOW_IMAGES_NO_MAVEN=true
#   ./build-images.sh --refresh-base  takes a new Debian base and JRE (security updates) instead of the cached ones
#   ./build-images.sh --tag 1.2.0     another tag
#
# Environment: CONTAINER_ENGINE=docker|podman to choose; CONTAINERS_CONF (podman) defaults to what
# containers/podman-conf.sh prints (containers/containers.conf where this host needs it).
set -euo pipefail
cd "$(dirname "$0")"

tag=dev
no_maven=${ORDERFLOW_IMAGES_NO_MAVEN:-false}
refresh_base=false
while [ $# -gt 0 ]; do
  case "$1" in
    --no-maven) no_maven=true ;;
    --refresh-base) refresh_base=true ;;
    --tag) tag=$2; shift ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
  shift
done

if [ -n "${CONTAINER_ENGINE:-}" ]; then
  engine=$CONTAINER_ENGINE
elif command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  engine=docker
elif command -v podman >/dev/null; then
  engine=podman
else
  echo "neither a Docker engine nor podman is available (apt-get install podman runc debootstrap)" >&2
  exit 1
fi
if [ "$engine" = podman ] && [ -z "${CONTAINERS_CONF:-}" ]; then
  CONTAINERS_CONF=$(containers/podman-conf.sh)
  [ -z "$CONTAINERS_CONF" ] || export CONTAINERS_CONF
fi
echo "building images with $engine"

# Maven runs every time (quiet, fast when nothing changed): a jar left from before a `git pull` would otherwise be
# packaged and labelled with the new commit.
if [ "$no_maven" = true ]; then
  for input in bootstrap-gateway/target/orderflow-gateway.jar bootstrap-processor/target/orderflow-processor.jar \
               containers/dynamodb-local/target/lib; do
    [ -e "$input" ] || { echo "$input is missing and --no-maven was given: run ./mvnw package first" >&2; exit 1; }
  done
else
  ./mvnw -B -ntp -q -pl bootstrap-gateway,bootstrap-processor,containers/dynamodb-local -am package -DskipTests
fi

# linux/amd64 everywhere: assemble-rootfs.sh copies the amd64 JRE and DynamoDB Local's native library is gathered
# for amd64, so Docker on Apple Silicon must not build arm64 (it emulates amd64 instead; on amd64 hosts a no-op).
platform=linux/amd64

# The base: the digest pinned in containers/jre/Dockerfile where a registry provides it, otherwise a bookworm made
# with debootstrap. That one gets a name of its own: as debian:bookworm-slim it would replace Docker's real image.
pinned=$(sed -n 's/^ARG DEBIAN_IMAGE=//p' containers/jre/Dockerfile)
local_base=localhost/orderflow-debian-base:bookworm
base_args=()
if [ "$refresh_base" = false ] && "$engine" image inspect "$pinned" >/dev/null 2>&1; then
  echo "base: $pinned (cached)"
elif pull_errors=$("$engine" pull -q --platform "$platform" "$pinned" 2>&1 >/dev/null); then
  echo "base: $pinned (pulled)"
else
  # Shown, not swallowed: a wrong digest or a registry refusing would otherwise pass for "offline".
  echo "base: pulling $pinned failed: $pull_errors" >&2
  if [ "$refresh_base" = true ] || ! "$engine" image inspect "$local_base" >/dev/null 2>&1; then
    echo "base: making $local_base with debootstrap instead"
    command -v debootstrap >/dev/null || { echo "debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }
    rootfs=$(mktemp -d)
    trap 'rm -rf "$rootfs"' EXIT
    debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian >/dev/null
    tar -C "$rootfs" -c . | "$engine" import - "$local_base" >/dev/null
    rm -rf "$rootfs"
  else
    echo "base: $local_base (made earlier with debootstrap)"
  fi
  base_args=(--build-arg "DEBIAN_IMAGE=$local_base")
fi

build=("$engine" build --platform "$platform")
if [ "$engine" = podman ]; then
  # apt inside the JRE build needs the network; podman's default network namespace for builds may have none.
  build+=(--network host)
fi
jre_build=("${build[@]}")
[ "$refresh_base" = true ] && jre_build+=(--no-cache)
# ${a[@]+"${a[@]}"}: bash 3.2 (macOS) with set -u calls an empty array unbound.
"${jre_build[@]}" -q ${base_args[@]+"${base_args[@]}"} -t "orderflow-jre:$tag" containers/jre >/dev/null
echo "built orderflow-jre:$tag"

version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | sed -n 1p)
revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)
# Without user:token@ (a clone URL may carry a credential; the label travels with every pushed image).
source=${IMAGE_SOURCE:-$(git remote get-url origin 2>/dev/null | sed -E 's#^([a-z][a-z0-9+.-]*://)[^/@]*@#\1#' || true)}
source=${source:-unknown}
labels=(--label "org.opencontainers.image.version=$version" --label "org.opencontainers.image.revision=$revision"
        --label "org.opencontainers.image.source=$source" --build-arg "JRE_IMAGE=orderflow-jre:$tag")

service() {
  local name=$1 http_port=$2 management_port=$3
  "${build[@]}" -q -f containers/service/Dockerfile "${labels[@]}" --build-arg "SERVICE=$name" \
      --build-arg "HTTP_PORT=$http_port" --build-arg "MANAGEMENT_PORT=$management_port" \
      -t "orderflow-$name:$tag" . >/dev/null
  echo "built orderflow-$name:$tag"
}
service gateway 8000 9000
service processor 8001 9001
"${build[@]}" -q -f containers/dynamodb-local/Dockerfile "${labels[@]}" -t "orderflow-dynamodb-local:$tag" . >/dev/null
echo "built orderflow-dynamodb-local:$tag"
