"""The snapshot publisher against the real dbt project and real DuckDB files."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from analytics_orchestration import snapshot
from datagen import cli as datagen_cli

SOURCE_FLAGS = ["--seed", "11", "--users", "6", "--months", "3", "--transactions-per-month", "15"]


@pytest.fixture(scope="module")
def source_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("source") / "source.duckdb"
    assert datagen_cli.main([*SOURCE_FLAGS, "--duckdb", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def published(source_file, tmp_path_factory) -> Path:
    snapshots_dir = tmp_path_factory.mktemp("snapshots")
    return snapshot.build_and_publish(snapshot.BuildRequest("local", snapshots_dir, source_file))


def corrupted_copy(source_file: Path, directory: Path, statement: str) -> Path:
    copy = directory / "corrupt.duckdb"
    shutil.copyfile(source_file, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute(statement)
    return copy


def hidden_entries(directory: Path) -> list[str]:
    """Hidden entries but dbt's state kept between builds (partial parsing)."""
    return sorted(p.name for p in directory.iterdir() if p.name.startswith(".") and p.name != snapshot.DBT_STATE_DIR)


def test_publishes_database_manifest_and_metadata_and_points_current_at_them(published):
    snapshots_dir = published.parent
    assert (snapshots_dir / "CURRENT").read_text().strip() == published.name
    assert {p.name for p in published.iterdir()} == {"analytics.duckdb", "manifest.json", "snapshot.json"}
    metadata = json.loads((published / "snapshot.json").read_text())
    assert metadata["id"] == published.name
    assert metadata["target"] == "local"
    assert metadata["dbt_version"] == json.loads((published / "manifest.json").read_text())["metadata"]["dbt_version"]
    assert metadata["built_at"].endswith("Z")
    assert hidden_entries(snapshots_dir) == []
    assert (snapshot.DBT_PROJECT_DIR / "target" / "manifest.json").is_file()
    # The next build into this dir parses only what changed; the link dbt built through is gone.
    assert sorted(p.name for p in (snapshots_dir / snapshot.DBT_STATE_DIR).iterdir()) == [
        "lock",
        snapshot.PARTIAL_PARSE_FILE,
    ]


def test_metadata_records_size_and_sha256_of_every_other_file(published):
    files = json.loads((published / "snapshot.json").read_text())["files"]
    assert sorted(files) == ["analytics.duckdb", "manifest.json"]
    for name, recorded in files.items():
        content = (published / name).read_bytes()
        assert recorded == {"size": len(content), "sha256": hashlib.sha256(content).hexdigest()}


def test_snapshot_holds_the_marts_each_with_rows_and_the_build_state(published):
    with duckdb.connect(str(published / "analytics.duckdb"), read_only=True) as con:
        tables = dict(con.execute("SELECT table_name, table_schema FROM information_schema.tables").fetchall())
        counts = {m: con.execute(f"SELECT count(*) FROM main.{m}").fetchone()[0] for m in snapshot.REQUIRED_MARTS}
    # Beside the marts: MetricFlow's calendar and what the next incremental build diffs against.
    assert sorted(tables) == sorted([*snapshot.REQUIRED_MARTS, "metricflow_time_spine", "incremental_state"])
    assert set(tables.values()) == {"main"}
    assert all(count > 0 for count in counts.values())


def test_manifest_carries_the_gateway_metadata(published):
    manifest = json.loads((published / "manifest.json").read_text())
    assert snapshot.dataset_models(manifest) == sorted(snapshot.REQUIRED_MARTS)
    node = manifest["nodes"]["model.analytics.fct_transactions"]
    assert node["config"]["meta"]["filters"] == {
        "user_id_column": "user_id",
        "date_column": "booking_date",
        "account_id_column": "account_id",
        "tag_id_column": "tag_ids",
    }
    assert all(column.get("data_type") and column.get("description") for column in node["columns"].values())
    relations = {
        (n["attached_node"], n["test_metadata"]["kwargs"]["column_name"], n["test_metadata"]["kwargs"]["field"])
        for n in manifest["nodes"].values()
        if n["resource_type"] == "test"
        and n.get("test_metadata", {}).get("name") == "relationships"
        and n["attached_node"].startswith("model.analytics.fct_")
    }
    assert relations == {
        ("model.analytics.fct_transactions", "account_id", "account_id"),
        ("model.analytics.fct_transactions", "tag_ids", "tag_id"),
        ("model.analytics.fct_daily_balance_history", "account_id", "account_id"),
        ("model.analytics.fct_daily_spending_by_tag", "tag_id", "tag_id"),
    }


def test_marts_are_sorted_by_user_then_date(published):
    with duckdb.connect(str(published / "analytics.duckdb"), read_only=True) as con:
        unsorted = con.execute("""
            SELECT count(*) FROM (
                SELECT user_id, booking_date,
                       lag(user_id) OVER () AS prev_user, lag(booking_date) OVER () AS prev_date
                FROM main.fct_transactions)
            WHERE user_id < prev_user OR (user_id = prev_user AND booking_date < prev_date)
        """).fetchone()[0]
    assert unsorted == 0


def test_a_model_that_does_not_compile_publishes_nothing_and_says_why(source_file, tmp_path):
    project = tmp_path / "dbt"
    shutil.copytree(snapshot.DBT_PROJECT_DIR, project, ignore=shutil.ignore_patterns("target", "logs"))
    (project / "models" / "3_mart" / "fct_broken.sql").write_text("select 1 as x from {{ ref('no_such_model') }}")
    snapshots_dir = tmp_path / "snapshots"

    with pytest.raises(snapshot.DbtBuildFailed) as error:
        snapshot.build_and_publish(
            snapshot.BuildRequest("local", snapshots_dir, source_file, project_dir=project, full_rebuild=True)
        )

    assert "depends on a node named 'no_such_model' which was not found" in str(error.value)
    assert not (snapshots_dir / snapshot.CURRENT_FILE).exists()
    assert hidden_entries(snapshots_dir) == []


def test_a_failing_reconciliation_test_publishes_nothing(published, source_file, tmp_path):
    snapshots_dir = published.parent
    before = sorted(p.name for p in snapshots_dir.iterdir())
    # A balance the bank reported that the transactions do not explain.
    corrupt = corrupted_copy(
        source_file,
        tmp_path,
        "UPDATE app.balances SET amount = amount + 0.01 WHERE id = (SELECT max(id) FROM app.balances)",
    )
    # Built on the published snapshot: an incremental build, whose tests read the changed user's rows.
    assert snapshot.incremental_base(snapshots_dir, snapshot.project_digest(snapshot.DBT_PROJECT_DIR)) == published
    with pytest.raises(snapshot.SnapshotError) as error:
        snapshot.build_and_publish(snapshot.BuildRequest("local", snapshots_dir, corrupt))
    assert "dbt build failed" in str(error.value)
    assert "assert_balance_history_reconciles_to_source: fail" in str(error.value)
    assert sorted(p.name for p in snapshots_dir.iterdir()) == before
    assert (snapshots_dir / "CURRENT").read_text().strip() == published.name


def test_a_malformed_source_row_fails_the_build(source_file, tmp_path):
    corrupt = corrupted_copy(
        source_file,
        tmp_path,
        "UPDATE app.transactions SET status = 'weird' WHERE id = (SELECT min(id) FROM app.transactions)",
    )
    snapshots_dir = tmp_path / "snapshots"
    with pytest.raises(snapshot.SnapshotError, match="accepted_values_stg_transactions_status"):
        snapshot.build_and_publish(snapshot.BuildRequest("local", snapshots_dir, corrupt))
    assert [p.name for p in snapshots_dir.iterdir()] == [snapshot.DBT_STATE_DIR]
    assert not (snapshots_dir / snapshot.DBT_STATE_DIR / snapshot.PARTIAL_PARSE_FILE).exists()


def test_missing_source_file_is_reported_before_building(tmp_path):
    with pytest.raises(snapshot.SnapshotError, match="does not exist"):
        snapshot.build(snapshot.BuildRequest("local", tmp_path / "snapshots", tmp_path / "absent.duckdb"))
    assert not (tmp_path / "snapshots").exists()


def test_unreachable_postgres_is_reported_without_the_password(tmp_path):
    request = snapshot.BuildRequest(
        "postgres",
        tmp_path / "snapshots",
        postgres_dsn="host=127.0.0.1 port=1 dbname=x user=y password=hunter2 connect_timeout=2",
    )
    with pytest.raises(snapshot.SnapshotError) as error:
        snapshot.build(request)
    assert "cannot read the source in PostgreSQL" in str(error.value)
    assert "hunter2" not in str(error.value)


def test_cli_exits_non_zero_with_a_message_when_the_build_fails(tmp_path, capsys):
    code = snapshot.main(
        [
            "build",
            "--target",
            "local",
            "--snapshots-dir",
            str(tmp_path),
            "--source-file",
            str(tmp_path / "absent.duckdb"),
        ]
    )
    assert code == 1
    assert "does not exist" in capsys.readouterr().err


def test_verification_rejects_a_database_with_an_empty_mart(published, tmp_path):
    copy = tmp_path / "analytics.duckdb"
    shutil.copyfile(published / "analytics.duckdb", copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("DELETE FROM main.dim_tags")
    with pytest.raises(snapshot.SnapshotError, match="dim_tags has no rows"):
        snapshot.verify_database(copy, list(snapshot.REQUIRED_MARTS))


def test_compare_finds_a_changed_row_and_accepts_an_identical_copy(published, tmp_path):
    original = published / "analytics.duckdb"
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(original, copy)
    assert snapshot.compare_marts(original, copy) == []
    with duckdb.connect(str(copy)) as con:
        con.execute("UPDATE main.fct_monthly_trends SET income = income + 1 WHERE rowid = 0")
    differences = snapshot.compare_marts(original, copy)
    assert len(differences) == 1 and differences[0].startswith("fct_monthly_trends: 1 rows only in")


def test_snapshot_ids_sort_by_build_time():
    earlier = snapshot.new_snapshot_id(dt.datetime(2026, 11, 24, 20, 45, 1, tzinfo=dt.UTC))
    later = snapshot.new_snapshot_id(dt.datetime(2026, 11, 24, 20, 45, 2, tzinfo=dt.UTC))
    assert earlier.startswith("20261124T204501Z-") and earlier < later
