#!/usr/bin/env bash
# Runs every benchmark and writes one Google Benchmark JSON file:
#   run-bench.sh <build dir> <results.json>
# The C++ figures come from relais_bench and relais_bench_internal (the
# internals': its benchmarks are merged into the same file by
# bench/merge_results.py), the Python one is merged in by
# bench/py_customer_create.py, and bench/report.py prints the ratios and
# thresholds the issues name.
set -euo pipefail
build=$1
out=$2
mkdir -p "$(dirname "$out")"
# The reminder base (5.8 GB, issue 6) gets a process of its own, as a
# deployment has one database: run after the others in their process, the
# tick also paid for the desk base they left open and their heap.
own_process='BM_ReminderTick|BM_Dashboard'
"$build/bin/relais_bench" --benchmark_out="$out" --benchmark_out_format=json \
  --benchmark_min_time="${BENCH_MIN_TIME:-2}" --benchmark_filter="-$own_process"
reminders=$(mktemp --suffix=.json)
internal=$(mktemp --suffix=.json)
trap 'rm -f "$reminders" "$internal"' EXIT
"$build/bin/relais_bench" --benchmark_out="$reminders" --benchmark_out_format=json \
  --benchmark_min_time="${BENCH_MIN_TIME:-2}" --benchmark_filter="$own_process"
"$build/bin/relais_bench_internal" --benchmark_out="$internal" --benchmark_out_format=json \
  --benchmark_min_time="${BENCH_MIN_TIME:-2}"
/usr/bin/python3 bench/merge_results.py "$out" "$reminders" "$internal"
PYTHONPATH="$build/python" /usr/bin/python3 bench/py_customer_create.py --iterations "${PY_ITERATIONS:-3000}" --out "$out"
/usr/bin/python3 bench/report.py "$out"
