#!/usr/bin/env bash
# Runs the frontend benchmark: our parse+check (JMH, in-process, warm) of QEMU 10.2's and 7.2's whole
# schema, side by side with QEMU 7.2's own Python frontend on the 7.2 schema (warm, in-process, timeit),
# and prints the ratio. Build first: ./mvnw -q package -DskipTests
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
q72="$root/third-party/qemu-7.2"
q102="$root/../shared/qemu-qapi/v10.2.0"
out=$(mktemp)
java -Dschema.qemu-10.2="$q102/qapi/qapi-schema.json" -Dschema.qemu-7.2="$q72/qapi/qapi-schema.json" \
  -jar "$root/benchmarks/target/benchmarks.jar" FrontendBenchmark -rf json -rff "$out.json" "$@" | tail -n 5
python_ms=$(cd "$q72/scripts" && python3 - <<'PY'
import sys, timeit
sys.path.insert(0, '.')
from qapi.schema import QAPISchema
QAPISchema('../qapi/qapi-schema.json')          # warm up
runs = 10
print(timeit.timeit(lambda: QAPISchema('../qapi/qapi-schema.json'), number=runs) / runs * 1000)
PY
)
python3 - "$out.json" "$python_ms" <<'PY'
import json, sys
results = {r['params']['schema']: r['primaryMetric']['score'] for r in json.load(open(sys.argv[1]))}
py = float(sys.argv[2])
print(f"qapi-java parse+check, QEMU 10.2 schema: {results['qemu-10.2']:.1f} ms")
print(f"qapi-java parse+check, QEMU 7.2 schema:  {results['qemu-7.2']:.1f} ms")
print(f"QEMU 7.2's Python frontend, QEMU 7.2 schema: {py:.1f} ms")
print(f"ratio on QEMU 7.2 (Python / qapi-java): {py / results['qemu-7.2']:.1f}x")
PY
rm -f "$out" "$out.json"
