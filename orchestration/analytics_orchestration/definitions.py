"""The Dagster code location: the dbt models as assets and the `analytics_refresh` job.

A run of `analytics_refresh` builds every model and test with `dbt build` into a new DuckDB file
inside a hidden staging directory (never the file the gateway reads: DuckDB lets no writer in while
readers hold a file), lets the snapshot publisher verify it, and only then publishes it by switching
CURRENT. When a snapshot is already published (by this dbt project), that file starts as a copy of it
and only the users whose source rows changed are rebuilt (snapshot.py); the run config
full_rebuild builds from scratch. A failed model or test publishes nothing and fails the run with dbt's
reasons, which the gateway passes on as the run's message. With ANALYTICS_S3_BUCKET set, the
published snapshot is then uploaded to object storage and CURRENT moved there too (object_store.py).
"""

from collections.abc import Iterator
from pathlib import Path

from dagster import (
    AssetExecutionContext,
    AssetSelection,
    Config,
    ConfigurableResource,
    Definitions,
    Failure,
    define_asset_job,
    in_process_executor,
)
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, dbt_assets

from analytics_orchestration import object_store, snapshot
from analytics_orchestration.dbt_manifest import prepared_project
from analytics_orchestration.dbt_run import run_dbt_build
from analytics_orchestration.settings import RefreshSettings

JOB_NAME = "analytics_refresh"

settings = RefreshSettings.from_env()
dbt_project = prepared_project(settings.dbt_project_dir, settings.dbt_target, settings.work_dir)


class SnapshotTarget(ConfigurableResource):
    """What a build reads (the dbt target and its source) and where it publishes."""

    target: str
    snapshots_dir: str
    source_file: str
    postgres_dsn: str
    # Empty: publish to the local snapshots dir only.
    s3_bucket: str = ""
    s3_prefix: str = ""

    def request(self, full_rebuild: bool) -> snapshot.BuildRequest:
        return snapshot.BuildRequest(
            target=self.target,
            snapshots_dir=Path(self.snapshots_dir),
            source_file=Path(self.source_file),
            postgres_dsn=self.postgres_dsn,
            project_dir=dbt_project.project_dir,
            full_rebuild=full_rebuild,
        )


class RefreshConfig(Config):
    """A run's config (Dagster's launchpad, or ops.analytics_marts.config in run config)."""

    # False: build on the current snapshot, rebuilding only the users whose source rows changed.
    full_rebuild: bool = False


# dbt's data tests stay in `dbt build` (one that fails publishes nothing and names itself in the run's
# failure), not Dagster asset checks: Dagster writes an event per check when it plans a run and again
# when the run reports it, about 220 writes for the project's 109 tests, which took longer than the
# demo's whole dbt build (7 s of launchRun and 12 s after publishing on the shared 2-core machine).
TRANSLATOR = DagsterDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=False))


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=TRANSLATOR)
def analytics_marts(context: AssetExecutionContext, snapshot_target: SnapshotTarget, config: RefreshConfig) -> Iterator:
    if context.is_subset:
        raise Failure(
            description="A snapshot holds every mart: run the whole analytics_refresh job, not a subset of it."
        )
    dagster_events: list = []

    def build_with_dagster(request: snapshot.BuildRequest, staging: Path) -> None:
        dagster_events.extend(run_dbt_build(context, request, staging))

    try:
        staged = snapshot.build(snapshot_target.request(config.full_rebuild), run_dbt=build_with_dagster)
    except snapshot.SnapshotError as e:
        raise Failure(description=f"Nothing was published; the current snapshot keeps serving. {e}") from None
    published = snapshot.publish(staged)
    context.log.info(f"Published snapshot {published.name}")
    if snapshot_target.s3_bucket:
        location = object_store.S3Location(snapshot_target.s3_bucket, snapshot_target.s3_prefix)
        try:
            object_store.publish_to_s3(published, location)
        except snapshot.SnapshotError as e:
            raise Failure(
                description=f"Published locally, but gateways reading {location.url()} keep theirs. {e}"
            ) from None
        context.log.info(f"Uploaded snapshot {published.name} to {location.url(published.name)}")
    # Reported only now, so Dagster shows the marts materialized exactly when a snapshot with them is served.
    yield from dagster_events


# One step: in the run's own process, not a second Python process that loads the code location again.
analytics_refresh = define_asset_job(
    JOB_NAME, selection=AssetSelection.assets(analytics_marts), executor_def=in_process_executor
)


def refresh_definitions(refresh: RefreshSettings) -> Definitions:
    return Definitions(
        assets=[analytics_marts],
        jobs=[analytics_refresh],
        resources={
            "snapshot_target": SnapshotTarget(
                target=refresh.dbt_target,
                snapshots_dir=str(refresh.snapshots_dir),
                source_file=str(refresh.source_file),
                postgres_dsn=refresh.postgres_dsn,
                s3_bucket=refresh.s3_bucket,
                s3_prefix=refresh.s3_prefix,
            ),
        },
    )


defs = refresh_definitions(settings)
