#!/usr/bin/env python3
"""BM_PyCustomerCreate: the cost of ws.customers.create() seen from Python.

Opens a fresh SQLite workspace at synchronous=NORMAL (at FULL the figure is
the disk's fsync, not the code) and times each create() of the customer of
bench/bench_customer.h, which the C++ and raw SQLite benchmarks write too: a
company with one phone, one email, one site, and one contact with a phone and
an email. Writes a Google-Benchmark-like entry with per-iteration
percentiles, merged into --out's "benchmarks" list when the file exists
(replacing an earlier BM_PyCustomerCreate).

    PYTHONPATH=<build>/python python3 bench/py_customer_create.py --iterations 2000 --out bench.json
"""
import argparse
import json
import os
import platform
import tempfile
import time
from datetime import datetime
from pathlib import Path

import relais

NAME = "BM_PyCustomerCreate"
WARMUP = 20


def customer(number):
    """The keywords of bench/bench_customer.h's bench_customer(number)."""
    return {
        "name": f"Électricité Bench {number}",
        "kind": "company",
        "phones": ["+33 1 23 45 67 89"],
        "emails": ["contact@bench-elec.fr"],
        "sites": [relais.Site(label="Siège", street="12 rue de la Paix", postcode="75002", city="Paris")],
        "contacts": [relais.Contact(name="Sophie Martin", role="gérante", phones=["06 12 34 56 78"],
                                    emails=["sophie@bench-elec.fr"])],
    }


def time_creates(iterations):
    """Per-iteration wall times in microseconds, and the mean CPU time."""
    with tempfile.TemporaryDirectory() as folder:
        workspace = relais.open(f"sqlite://{Path(folder, 'bench.db')}?synchronous=NORMAL")
        for number in range(WARMUP):
            workspace.customers.create(**customer(number), allow_duplicates=True)
        samples = []
        cpu_start = time.process_time()
        for number in range(WARMUP, WARMUP + iterations):
            fields = customer(number)
            start = time.perf_counter_ns()
            workspace.customers.create(**fields, allow_duplicates=True)
            samples.append((time.perf_counter_ns() - start) / 1000)
        cpu_us = (time.process_time() - cpu_start) * 1e6 / iterations
    return samples, cpu_us


def percentile(sorted_samples, fraction):
    """The same rank as bench/latency.h: index fraction * (n - 1), rounded down."""
    return sorted_samples[int(fraction * (len(sorted_samples) - 1))]


def entry(samples, cpu_us):
    ordered = sorted(samples)
    return {
        "name": NAME,
        "run_name": NAME,
        "run_type": "iteration",
        "iterations": len(samples),
        "real_time": sum(samples) / len(samples),
        "cpu_time": cpu_us,
        "time_unit": "us",
        "p50_us": percentile(ordered, 0.50),
        "p95_us": percentile(ordered, 0.95),
        "p99_us": percentile(ordered, 0.99),
    }


def merge(path, result):
    report = json.loads(path.read_text()) if path.exists() else {
        "context": {
            "date": datetime.now().astimezone().isoformat(timespec="seconds"),
            "host_name": platform.node(),
            "num_cpus": os.cpu_count(),
            "library_version": relais.runtime_version(),
            "python_version": platform.python_version(),
        },
        "benchmarks": [],
    }
    report["benchmarks"] = [b for b in report.get("benchmarks", []) if b.get("name") != NAME] + [result]
    path.write_text(json.dumps(report, indent=2) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=1000, help="timed create() calls (default 1000)")
    parser.add_argument("--out", type=Path, help="JSON file to write or merge into")
    args = parser.parse_args()
    if args.iterations < 1:
        parser.error("--iterations must be at least 1")

    result = entry(*time_creates(args.iterations))
    print(f"{NAME}  iterations={result['iterations']}  mean={result['real_time']:.1f} us  "
          f"p50={result['p50_us']:.1f} us  p95={result['p95_us']:.1f} us  p99={result['p99_us']:.1f} us")
    if args.out:
        merge(args.out, result)


if __name__ == "__main__":
    main()
