"""python -m datagen: generate the source data into a DuckDB file or a PostgreSQL database."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

import duckdb

from datagen.generate import Params
from datagen.sinks import SinkError, load_postgres, write_duckdb_file

LIMITS = {
    "seed": (0, 2**31 - 1),
    "users": (1, 1_000_000),
    "months": (1, 120),
    "transactions_per_month": (10, 2_000),
}
MAX_TRANSACTIONS = 200_000_000
EARLIEST_END, LATEST_END = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m datagen", description=__doc__)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--users", type=int, default=10)
    p.add_argument("--months", type=int, default=14)
    p.add_argument(
        "--transactions-per-month",
        type=int,
        default=40,
        help="per user, salary, rent, subscriptions and transfers included (approximate)",
    )
    p.add_argument("--end-date", default="2026-10-31", help="last day of data, ISO date (fixed for determinism)")
    sink = p.add_mutually_exclusive_group(required=True)
    sink.add_argument("--duckdb", type=Path, metavar="FILE", help="write a local DuckDB source file")
    sink.add_argument("--postgres", metavar="DSN", help="libpq connection string; replaces schema app")
    return p


def validated(args: argparse.Namespace, p: argparse.ArgumentParser) -> Params:
    for name, (low, high) in LIMITS.items():
        value = getattr(args, name)
        if not low <= value <= high:
            p.error(f"--{name.replace('_', '-')} must be between {low} and {high}, got {value}")
    try:
        end_date = dt.date.fromisoformat(args.end_date)
    except ValueError:
        p.error(f"--end-date must be an ISO date like 2026-10-31, got {args.end_date!r}")
    if not EARLIEST_END <= end_date <= LATEST_END:
        p.error(f"--end-date must be between {EARLIEST_END} and {LATEST_END}, got {end_date}")
    total = args.users * args.months * args.transactions_per_month
    if total > MAX_TRANSACTIONS:
        p.error(f"users x months x transactions-per-month is {total:,}; at most {MAX_TRANSACTIONS:,} is supported")
    return Params(args.seed, args.users, args.months, args.transactions_per_month, end_date)


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    params = validated(args, p)
    started = time.monotonic()
    try:
        if args.duckdb:
            write_duckdb_file(args.duckdb, params)
            where = str(args.duckdb)
        else:
            load_postgres(args.postgres, params)
            where = "PostgreSQL"
    except SinkError as e:
        print(f"datagen: {e}", file=sys.stderr)
        return 1
    except duckdb.Error as e:
        print(f"datagen: generating data failed: {str(e).strip().splitlines()[0]}", file=sys.stderr)
        return 1
    print(
        f"datagen: wrote {params.users} users x {params.months} months (seed {params.seed}) to {where} "
        f"in {time.monotonic() - started:.1f}s"
    )
    return 0
