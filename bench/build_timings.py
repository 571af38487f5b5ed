"""Builds and publishes a snapshot like `snapshot build`, and keeps dbt's per-node timings of the build.

    python bench/build_timings.py --snapshots-dir DIR --source-file F [--full] --run-results OUT.json

The publisher deletes dbt's target/ (run_results.json with it) before it publishes; this copies the
file first and prints where the build's time went: the slowest nodes and the time per layer. Node times
overlap (dbt runs two at a time), so they add up to more than the build's wall time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections import Counter
from pathlib import Path

from analytics_orchestration import snapshot

SLOWEST = 12


def layer(result: dict) -> str:
    kind, _, name = result["unique_id"].split(".")[:3]
    if kind == "test":
        return "data tests"
    for prefix, label in (("stg_", "staging"), ("int_", "intermediate"), ("fct_", "marts"), ("dim_", "marts")):
        if name.startswith(prefix):
            return label
    return "other"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshots-dir", type=Path, required=True)
    parser.add_argument("--source-file", type=Path, required=True)
    parser.add_argument("--full", action="store_true", help="build every mart from scratch")
    parser.add_argument("--run-results", type=Path, required=True, help="where to keep dbt's run_results.json")
    args = parser.parse_args()

    def run_dbt_keeping_results(request: snapshot.BuildRequest, staging: Path) -> None:
        try:
            snapshot.dbt_build(request, staging)
        finally:
            results = staging / "target" / "run_results.json"
            if results.is_file():
                shutil.copyfile(results, args.run_results)

    request = snapshot.BuildRequest("local", args.snapshots_dir, args.source_file.resolve(), full_rebuild=args.full)
    try:
        published = snapshot.publish(snapshot.build(request, run_dbt_keeping_results))
    except snapshot.SnapshotError as e:
        print(f"build_timings: {e}", file=sys.stderr)
        return 1
    summary = json.loads((published / snapshot.METADATA_FILE).read_text())["build"]
    print(
        f"build_timings: published {published.name} ({summary['mode']} build, "
        f"{summary['rebuilt_users']} of {summary['users']} users rebuilt)"
    )
    run = json.loads(args.run_results.read_text())
    results = run["results"]
    print(f"dbt: {run['elapsed_time']:.1f} s for {len(results)} nodes")
    per_layer = Counter()
    for result in results:
        per_layer[layer(result)] += result["execution_time"]
    print("  " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in per_layer.most_common()))
    for result in sorted(results, key=lambda r: r["execution_time"], reverse=True)[:SLOWEST]:
        print(f"  {result['execution_time']:6.1f} s  {result['unique_id'].split('.')[2]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
