"""Runs `dbt build` for a snapshot through dagster-dbt, so Dagster sees every model materialized."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

import dbt.version
from dagster import AssetExecutionContext, AssetMaterialization, Output
from dagster_dbt import DbtCliResource
from packaging import version

from analytics_orchestration import snapshot

MAX_REPORTED_PROBLEMS = 10


class DbtBuildFailed(Exception):
    """dbt built or tested something unsuccessfully; the message lists what, in dbt's words."""


class InterpreterDbtCliResource(DbtCliResource):
    """dagster-dbt's resource without the two things it does in the run before starting dbt.

    It asks `dbt --version` in a subprocess (2.5 s of Python start-up here), though its dbt_executable
    is this interpreter's own dbt (DBT_EXECUTABLE), whose dbt-core is the one imported here; and it
    loads the project's profile and macros into an adapter in this process (2-9 s on the shared
    machine), which dagster-dbt uses only to fetch row counts and column metadata, which this job does
    not ask for. Both overrides are of dagster-dbt 0.29's private members (the version is pinned).
    """

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(dbt.version.__version__)

    def _initialize_dbt_core_adapter(self, args: Sequence[str]) -> None:
        return None


def run_dbt_build(
    dbt: DbtCliResource, context: AssetExecutionContext, request: snapshot.BuildRequest, staging: Path
) -> list:
    """Builds into `staging`; returns the models' Dagster events, or raises DbtBuildFailed.

    Only the models' outputs and materializations: each test's results would come as an observation of
    every node it reads (Dagster writes each event on its own), and a failed test fails the build anyway.
    """
    database = staging / snapshot.DATABASE_FILE
    with _environment(snapshot.dbt_environment(request, database)):
        invocation = dbt.cli(["build"], context=context, target_path=staging / "target", raise_on_error=False)
        events = [event for event in invocation.stream() if isinstance(event, Output | AssetMaterialization)]
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
