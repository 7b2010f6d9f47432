#!/usr/bin/env bash
# The main job: set up, build, and check the project's own schema and every QEMU schema entry point
# (QEMU 7.2 from Debian's source package, QEMU 10.2 from ../shared) with qapi-gen.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
./mvnw -B -q package -DskipTests
gen() { java -jar generator/target/qapi-gen.jar "$@"; }
gen check --verbose schema/src/main/qapi/qapi-schema.json
for release in third-party/qemu-7.2 ../shared/qemu-qapi/v10.2.0; do
  for entry in qapi/qapi-schema.json qga/qapi-schema.json storage-daemon/qapi/qapi-schema.json; do
    [ -f "$release/$entry" ] && gen check --verbose "$release/$entry"
  done
done
