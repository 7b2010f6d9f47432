#!/usr/bin/env bash
# Whole-process generation time, side by side in one run on the same input: `qapi-gen generate` (through
# bin/qapi-gen) against QEMU's own generator, scripts/qapi-gen.py from the same Debian source package, on
# QEMU 7.2's main schema; and ours on QEMU 10.2's. Each command runs RUNS times into a fresh folder; the
# median wall time is reported, and the ratio. Build first: ./mvnw -q package -DskipTests
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-7}
q72="$root/third-party/qemu-7.2"
q102="$root/../shared/qemu-qapi/v10.2.0"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # label, command...
  local label=$1; shift
  for _ in $(seq "$runs"); do
    rm -rf "$out/gen"; mkdir -p "$out/gen"
    local start end
    start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N)
    echo "$end - $start" | bc
  done | median > "$out/$label"
}

# one untimed generate makes the launcher's class-data archive (with the generator's classes in it)
rm -f "$root/generator/target/qapi-gen.jsa"
"$root/bin/qapi-gen" generate "$q72/qapi/qapi-schema.json" -o "$out/warm" -p org.example.qmp >/dev/null
measure ours72 "$root/bin/qapi-gen" generate "$q72/qapi/qapi-schema.json" -o "$out/gen" -p org.example.qmp
measure qemu72 python3 "$q72/scripts/qapi-gen.py" -o "$out/gen" "$q72/qapi/qapi-schema.json"
measure ours102 "$root/bin/qapi-gen" generate "$q102/qapi/qapi-schema.json" -o "$out/gen" -p org.example.qmp

ours72=$(cat "$out/ours72"); qemu72=$(cat "$out/qemu72"); ours102=$(cat "$out/ours102")
printf 'qapi-gen generate, QEMU 7.2 schema:   %.2f s (median of %d)\n' "$ours72" "$runs"
printf 'QEMU qapi-gen.py,  QEMU 7.2 schema:   %.2f s\n' "$qemu72"
printf 'ratio (ours / QEMU):                  %.2f\n' "$(echo "$ours72 / $qemu72" | bc -l)"
printf 'qapi-gen generate, QEMU 10.2 schema:  %.2f s\n' "$ours102"
