"""The analytics_refresh job run for real: dbt builds from the test source, the publisher publishes."""

import dataclasses
import json
import secrets
import shutil
from pathlib import Path

import duckdb
import pytest
from dagster import DagsterEventType

from analytics_orchestration import object_store, snapshot
from analytics_orchestration.definitions import JOB_NAME, refresh_definitions, settings

TEST_SOURCE = snapshot.DEFAULT_SOURCE_FILE


@pytest.fixture(autouse=True)
def test_source_exists():
    assert TEST_SOURCE.is_file(), f"{TEST_SOURCE} is missing: make test-data builds it"


def run_refresh(snapshots_dir: Path, source_file: Path = TEST_SOURCE, s3: object_store.S3Location | None = None):
    refresh = dataclasses.replace(
        settings,
        dbt_target="local",
        snapshots_dir=snapshots_dir,
        source_file=source_file,
        s3_bucket=s3.bucket if s3 else "",
        s3_prefix=s3.prefix if s3 else "",
    )
    job = refresh_definitions(refresh).resolve_job_def(JOB_NAME)
    return job.execute_in_process(raise_on_error=False)


def failure_message(result) -> str:
    failures = [event for event in result.all_events if event.event_type == DagsterEventType.STEP_FAILURE]
    return failures[0].step_failure_data.error.message


def materialized_models(result) -> set[str]:
    return {
        key.path[-1]
        for key in (
            event.asset_key for event in result.all_events if event.event_type == DagsterEventType.ASSET_MATERIALIZATION
        )
    }


def test_publishes_a_snapshot_whose_database_and_manifest_come_from_one_build(tmp_path):
    result = run_refresh(tmp_path)

    assert result.success
    published = snapshot.current_snapshot(tmp_path)
    assert published is not None and published.parent == tmp_path
    assert sorted(p.name for p in published.iterdir()) == ["analytics.duckdb", "manifest.json", "snapshot.json"]
    manifest = json.loads((published / "manifest.json").read_text())
    metadata = json.loads((published / "snapshot.json").read_text())
    assert metadata["id"] == published.name and metadata["target"] == "local"
    marts = snapshot.dataset_models(manifest)
    assert set(snapshot.REQUIRED_MARTS) <= set(marts)
    with (
        duckdb.connect(str(published / "analytics.duckdb"), read_only=True) as built,
        duckdb.connect(str(TEST_SOURCE), read_only=True) as source,
    ):
        assert (
            built.execute("select count(*) from fct_transactions").fetchone()
            == source.execute("select count(*) from app.transactions").fetchone()
        )
    assert set(snapshot.REQUIRED_MARTS) <= materialized_models(result)
    assert not list(tmp_path.glob(".building-*"))


def test_refresh_after_a_published_snapshot_builds_incrementally(tmp_path):
    # The first snapshot from the publisher's own command line (cheaper than a run); the run builds on it.
    first = snapshot.build_and_publish(snapshot.BuildRequest("local", tmp_path, TEST_SOURCE))
    assert run_refresh(tmp_path).success
    second = snapshot.current_snapshot(tmp_path)

    builds = [json.loads((s / "snapshot.json").read_text())["build"] for s in (first, second)]
    assert [b["mode"] for b in builds] == ["full", "incremental"]
    # The source did not change between the runs: nobody's rows were rebuilt.
    assert builds[1]["previous"] == first.name and builds[1]["rebuilt_users"] == 0
    assert snapshot.compare_marts(first / "analytics.duckdb", second / "analytics.duckdb") == []


def test_failed_dbt_test_publishes_nothing_and_says_which_test_failed(tmp_path, s3_bucket):
    bucket = object_store.S3Location(s3_bucket, f"refresh-test/{secrets.token_hex(4)}")
    assert run_refresh(tmp_path, s3=bucket).success
    serving = snapshot.current_snapshot(tmp_path)
    assert object_store.current_in_s3(bucket) == serving.name
    broken_source = tmp_path / "broken-source.duckdb"
    shutil.copyfile(TEST_SOURCE, broken_source)
    with duckdb.connect(str(broken_source)) as source:
        # A transaction in a currency its account does not hold breaks assert_transaction_currency_matches_account.
        source.execute("update app.transactions set currency = 'XXX' where id = (select min(id) from app.transactions)")

    result = run_refresh(tmp_path, broken_source, s3=bucket)

    assert not result.success
    assert "assert_transaction_currency_matches_account" in failure_message(result)
    assert "Nothing was published" in failure_message(result)
    assert snapshot.current_snapshot(tmp_path) == serving
    assert object_store.current_in_s3(bucket) == serving.name
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == [snapshot.DBT_STATE_DIR, serving.name]
    assert materialized_models(result) == set()
