#!/usr/bin/env bash
# Installs what a fresh Debian bookworm machine lacks for building and testing qapi-java, idempotently:
# a JDK 17, QEMU 7.2 (qemu-system-x86, qemu-utils), python3 (QEMU's own generator, for comparisons),
# and QEMU 7.2's QAPI schema from Debian's source package (scripts/fetch-qemu-schema.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"

missing=()
command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v qemu-system-x86_64 >/dev/null || missing+=(qemu-system-x86)
command -v qemu-img >/dev/null || missing+=(qemu-utils)
command -v python3 >/dev/null || missing+=(python3)
command -v dpkg-source >/dev/null || missing+=(dpkg-dev)
command -v xz >/dev/null || missing+=(xz-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  $sudo apt-get update -q >/dev/null
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

bash "$root/scripts/fetch-qemu-schema.sh"
