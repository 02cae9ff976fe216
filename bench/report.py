#!/usr/bin/env python3
"""Prints the figures the issues name from a Google Benchmark JSON file.

Each ratio compares two benchmarks of the same run by their mean real time
per iteration; p50/p95/p99 come from the per-iteration samples.
"""
import json
import sys

RATIOS = [
    ("BM_CustomerCreate", "BM_RawSqliteCustomerCreate", 1.3),
    ("BM_CustomerGet", "BM_RawSqliteCustomerGet", 1.5),
    ("BM_PyCustomerCreate", "BM_CustomerCreate", 2.0),
]
LIMITS_MS = [("BM_WorkspaceOpen", 20.0)]

TO_MICROSECONDS = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}


def microseconds(entry):
    return entry["real_time"] * TO_MICROSECONDS[entry.get("time_unit", "ns")]


def main(path):
    with open(path, encoding="utf-8") as handle:
        benchmarks = {b["name"]: b for b in json.load(handle)["benchmarks"]}
    for name, entry in sorted(benchmarks.items()):
        percentiles = " ".join(
            f"{key}={entry[key]:.1f}" for key in ("p50_us", "p95_us", "p99_us") if key in entry)
        print(f"{name:32s} {microseconds(entry):10.1f} us  {percentiles}")
    for ours, baseline, target in RATIOS:
        if ours in benchmarks and baseline in benchmarks:
            ratio = microseconds(benchmarks[ours]) / microseconds(benchmarks[baseline])
            verdict = "ok" if ratio <= target else "OVER TARGET"
            print(f"ratio {ours} / {baseline} = {ratio:.2f} (target <= {target}) {verdict}")
    for name, limit in LIMITS_MS:
        if name in benchmarks:
            value = microseconds(benchmarks[name]) / 1e3
            verdict = "ok" if value < limit else "OVER TARGET"
            print(f"{name} = {value:.2f} ms (target < {limit} ms) {verdict}")


if __name__ == "__main__":
    main(sys.argv[1])
