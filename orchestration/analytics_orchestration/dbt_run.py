"""Runs `dbt build` for a snapshot through dagster-dbt, so Dagster sees every model and test."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from dagster import AssetExecutionContext
from dagster_dbt import DbtCliResource

from analytics_orchestration import snapshot

MAX_REPORTED_PROBLEMS = 10


class DbtBuildFailed(Exception):
    """dbt built or tested something unsuccessfully; the message lists what, in dbt's words."""


def run_dbt_build(
    dbt: DbtCliResource, context: AssetExecutionContext, request: snapshot.BuildRequest, staging: Path
) -> list:
    """Builds into `staging`; returns the Dagster events of the build, or raises DbtBuildFailed."""
    database = staging / snapshot.DATABASE_FILE
    with _environment(snapshot.dbt_environment(request, database)):
        invocation = dbt.cli(["build"], context=context, target_path=staging / "target", raise_on_error=False)
        events = list(invocation.stream())
    if not invocation.is_successful():
        raise DbtBuildFailed(_failure_summary(_run_results(invocation)))
    return events


def _run_results(invocation) -> Mapping:
    try:
        return invocation.get_artifact("run_results.json")
    except OSError:
        return {}


def _failure_summary(run_results: Mapping) -> str:
    problems = [
        f"{result['unique_id']}: {result['status']}"
        + (f" ({_first_line(result['message'])})" if result.get("message") else "")
        for result in run_results.get("results", [])
        if result.get("status") in ("error", "fail", "runtime error")
    ]
    if not problems:
        return "dbt build failed before running any model (see the run's logs)."
    shown = problems[:MAX_REPORTED_PROBLEMS]
    more = len(problems) - len(shown)
    return "dbt build failed: " + "; ".join(shown) + (f"; and {more} more" if more else "") + "."


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


@contextmanager
def _environment(variables: Mapping[str, str]) -> Iterator[None]:
    """dagster-dbt hands dbt this process's environment, and profiles.yml reads its paths from there."""
    saved = dict(os.environ)
    os.environ.update(variables)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)
