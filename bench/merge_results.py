#!/usr/bin/env python3
"""Appends the benchmarks of other Google Benchmark JSON files to the first:
   merge_results.py <results.json> <other.json>...
so that bench/report.py reads every executable's figures from one file. A
benchmark of the same name is replaced (a rerun of one executable)."""
import json
import sys


def main(target, *others):
    with open(target, encoding="utf-8") as handle:
        results = json.load(handle)
    for path in others:
        with open(path, encoding="utf-8") as handle:
            added = json.load(handle)["benchmarks"]
        names = {entry["name"] for entry in added}
        results["benchmarks"] = [b for b in results["benchmarks"] if b["name"] not in names] + added
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:])
