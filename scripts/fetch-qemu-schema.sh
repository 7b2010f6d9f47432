#!/usr/bin/env bash
# Fetches QEMU 7.2's QAPI schema, the one matching Debian bookworm's qemu-system-x86 binary
# (Debian's stable patches applied), from Debian's source package, and keeps qapi/, qga/,
# storage-daemon/qapi/, the two specs and QEMU's own generator in third-party/qemu-7.2.
# That folder is ignored by git: QEMU's files are test data and reference, never ours.
# Idempotent: with the files present it does nothing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/third-party/qemu-7.2"
[ -f "$dest/.complete" ] && exit 0

sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
apt_install() { $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null; }

if ! grep -rqs 'deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "adding a deb-src entry for bookworm main" >&2
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    | $sudo tee /etc/apt/sources.list.d/qapi-java-src.sources >/dev/null
  $sudo apt-get update -q >/dev/null
fi
command -v dpkg-source >/dev/null || apt_install dpkg-dev xz-utils

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get source --download-only qemu >/dev/null 2>&1 || { $sudo apt-get update -q >/dev/null; apt-get source --download-only qemu >/dev/null; }
dpkg-source -x qemu_*.dsc src >/dev/null

rm -rf "$dest"; mkdir -p "$dest/docs/devel" "$dest/docs/interop" "$dest/storage-daemon" "$dest/scripts"
cp -r src/qapi src/qga "$dest/"
cp -r src/storage-daemon/qapi "$dest/storage-daemon/"
cp src/docs/devel/qapi-code-gen.rst "$dest/docs/devel/"
cp src/docs/interop/qmp-spec.txt "$dest/docs/interop/"
cp -r src/scripts/qapi src/scripts/qapi-gen.py "$dest/scripts/"
cp src/VERSION "$dest/"
touch "$dest/.complete"
echo "QEMU $(cat "$dest/VERSION") schema in $dest" >&2
