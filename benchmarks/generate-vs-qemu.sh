#!/usr/bin/env bash
# Whole-process generation time, side by side in one run on the same input: `qapi-gen generate` (through
# bin/qapi-gen) against QEMU's own generator, scripts/qapi-gen.py from the same Debian source package, on
# QEMU 7.2's main schema; and ours on QEMU 10.2's. The commands take turns (ours, QEMU's, ours on 10.2),
# RUNS rounds, each into a fresh folder, so that a machine that gets busier or quieter during the run
# weighs on both sides alike; the median wall time of each is reported, and the ratio.
# Output goes to tmpfs (see below).
# Build first: ./mvnw -q package -DskipTests
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-11}
q72="$root/third-party/qemu-7.2"
q102="$root/../shared/qemu-qapi/v10.2.0"
# output goes to memory (tmpfs) when the machine has it: the figure is the generators' time, not the disk's
# (a virtual disk that writes back and discards a previous run's files in the background makes file
# creation times swing by a factor of several)
out=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$out"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { # command...: its wall time in ms, run into a fresh $out/gen
  rm -rf "$out/gen"; mkdir -p "$out/gen"
  local start end
  start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

# one untimed generate makes the launcher's class-data archive (with the generator's classes in it)
rm -f "$root/generator/target/qapi-gen.jsa"
"$root/bin/qapi-gen" generate "$q72/qapi/qapi-schema.json" -o "$out/warm" -p org.example.qmp >/dev/null
for _ in $(seq "$runs"); do
  time_ms "$root/bin/qapi-gen" generate "$q72/qapi/qapi-schema.json" -o "$out/gen" -p org.example.qmp >> "$out/ours72"
  time_ms python3 "$q72/scripts/qapi-gen.py" -o "$out/gen" "$q72/qapi/qapi-schema.json" >> "$out/qemu72"
  time_ms "$root/bin/qapi-gen" generate "$q102/qapi/qapi-schema.json" -o "$out/gen" -p org.example.qmp >> "$out/ours102"
done

ours72=$(median < "$out/ours72"); qemu72=$(median < "$out/qemu72"); ours102=$(median < "$out/ours102")
echo "runs (ms): ours 7.2: $(tr '\n' ' ' < "$out/ours72")"
echo "           QEMU 7.2: $(tr '\n' ' ' < "$out/qemu72")"
echo "           ours 10.2: $(tr '\n' ' ' < "$out/ours102")"
printf 'qapi-gen generate, QEMU 7.2 schema:   %.2f s (median of %d)\n' "$(echo "$ours72 / 1000" | bc -l)" "$runs"
printf 'QEMU qapi-gen.py,  QEMU 7.2 schema:   %.2f s\n' "$(echo "$qemu72 / 1000" | bc -l)"
printf 'ratio (ours / QEMU):                  %.2f\n' "$(echo "$ours72 / $qemu72" | bc -l)"
printf 'qapi-gen generate, QEMU 10.2 schema:  %.2f s\n' "$(echo "$ours102 / 1000" | bc -l)"
