"""Runs the snapshot's `dbt build` inside the Dagster run, so Dagster sees every model materialized.

dbt runs in the run's own process (snapshot.dbt_build); dagster-dbt's own conversion turns dbt's model
results into the asset's outputs, exactly as it does for the lines the `dbt` command logs.
"""

from __future__ import annotations

import time
from pathlib import Path

from dagster import AssetExecutionContext, AssetMaterialization, Output
from dagster_dbt.asset_utils import get_manifest_and_translator_from_dbt_assets
from dagster_dbt.core.dbt_cli_event import DbtCoreCliEventMessage
from dbt_common.events.base_types import EventMsg
from dbt_common.events.functions import msg_to_dict

from analytics_orchestration import snapshot

# The event dbt sends when a model is built; tests report nothing to Dagster (a failed one fails the build).
MODEL_RESULT = "LogModelResult"


def run_dbt_build(context: AssetExecutionContext, request: snapshot.BuildRequest, staging: Path) -> list:
    """Builds into `staging`; returns the models' Dagster events, or raises snapshot.DbtBuildFailed.

    Only the models' outputs: each test's results would come as an observation of every node it reads
    (Dagster writes each event on its own), and a failed test fails the build anyway.
    """
    model_results: list[dict] = []

    def keep_model_results(event: EventMsg) -> None:
        # Called on dbt's worker threads; list.append is atomic.
        if event.info.name == MODEL_RESULT:
            model_results.append(msg_to_dict(event))

    context.log.info(f"Running dbt {' '.join(snapshot.dbt_build_args(request, staging))}")
    started = time.monotonic()
    snapshot.dbt_build(request, staging, on_event=keep_model_results)
    context.log.info(f"Finished dbt build in {time.monotonic() - started:.1f} s")
    manifest, translator, project = get_manifest_and_translator_from_dbt_assets([context.assets_def])
    return [
        event
        for result in model_results
        for event in DbtCoreCliEventMessage(raw_event=result, event_history_metadata={}).to_default_asset_events(
            manifest, translator, context, staging / "target", project
        )
        if isinstance(event, Output | AssetMaterialization)
    ]
