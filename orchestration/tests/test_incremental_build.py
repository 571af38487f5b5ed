"""An incremental build (on a copy of the previous snapshot) equals a full rebuild of the same source.

One source, one day of changes of every kind the issue names (new transactions on a new day, an edited
tag, a pending transaction booked, a deleted transaction, a deleted tag link), three real dbt builds:
the full one before, the incremental one after, and a full one after in a directory of its own.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from analytics_orchestration import snapshot
from datagen import cli as datagen_cli

SOURCE_FLAGS = ["--seed", "17", "--users", "8", "--months", "3", "--transactions-per-month", "15"]

# Never one of the new transactions: their ids are random.
DELETED_TRANSACTION = "(SELECT max(id) FROM app.transactions WHERE status = 'booked' AND description NOT LIKE 'New %')"

# Each statement changes the source rows of one user (the owner of the row it picks); the new day
# moves the as-of date, so the unchanged users' balance histories must run on to it as well. A
# booked transaction that appears or goes moves the bank's later reported balances with it, as a
# bank's would (the dbt tests reconcile the two).
DAY_OF_CHANGES = {
    "new transactions on a new day": """
        INSERT INTO app.transactions
        SELECT uuid(), t.account_id, max_day.d + 1, max_day.d + 1, amount, currency, 'New ' || description,
               counterparty, 'booked', NULL
        FROM app.transactions t, (
            SELECT greatest((SELECT max(booking_date) FROM app.transactions),
                            (SELECT max(balance_date) FROM app.balances)) AS d
        ) max_day
        WHERE t.account_id = (SELECT account_id FROM app.transactions WHERE transfer_id IS NULL ORDER BY id LIMIT 1)
          AND t.transfer_id IS NULL
        ORDER BY t.id LIMIT 3
    """,
    "edited tag": "UPDATE app.tags SET name = name || ' (edited)' WHERE id = (SELECT max(id) FROM app.tags)",
    "pending turned booked": """
        UPDATE app.balances SET amount = balances.amount + t.amount FROM app.transactions t
        WHERE t.id = (SELECT min(id) FROM app.transactions WHERE status = 'pending')
          AND balances.account_id = t.account_id AND balances.balance_date >= t.booking_date;
        UPDATE app.transactions SET status = 'booked'
        WHERE id = (SELECT min(id) FROM app.transactions WHERE status = 'pending')
    """,
    "deleted transaction": f"""
        CREATE TEMP TABLE deleted AS SELECT {DELETED_TRANSACTION} AS id;
        UPDATE app.balances SET amount = balances.amount - t.amount FROM app.transactions t
        WHERE t.id = (SELECT id FROM deleted)
          AND balances.account_id = t.account_id AND balances.balance_date >= t.booking_date;
        DELETE FROM app.transaction_tags WHERE transaction_id = (SELECT id FROM deleted);
        DELETE FROM app.transactions WHERE id = (SELECT id FROM deleted)
    """,
    "deleted tag link": """
        DELETE FROM app.transaction_tags
        WHERE transaction_id = (SELECT min(transaction_id) FROM app.transaction_tags)
    """,
}

# The owner of each row a statement above touches, read before the statement runs.
CHANGED_OWNER = {
    "new transactions on a new day": """
        SELECT c.user_id FROM app.accounts a JOIN app.bank_connections c ON a.connection_id = c.id
        WHERE a.id = (SELECT account_id FROM app.transactions WHERE transfer_id IS NULL ORDER BY id LIMIT 1)
    """,
    "edited tag": "SELECT user_id FROM app.tags WHERE id = (SELECT max(id) FROM app.tags)",
    "pending turned booked": """
        SELECT c.user_id FROM app.transactions t JOIN app.accounts a ON t.account_id = a.id
        JOIN app.bank_connections c ON a.connection_id = c.id
        WHERE t.id = (SELECT min(id) FROM app.transactions WHERE status = 'pending')
    """,
    "deleted transaction": f"""
        SELECT c.user_id FROM app.transactions t JOIN app.accounts a ON t.account_id = a.id
        JOIN app.bank_connections c ON a.connection_id = c.id
        WHERE t.id = {DELETED_TRANSACTION}
    """,
    "deleted tag link": """
        SELECT c.user_id FROM app.transaction_tags tt JOIN app.transactions t ON tt.transaction_id = t.id
        JOIN app.accounts a ON t.account_id = a.id JOIN app.bank_connections c ON a.connection_id = c.id
        WHERE tt.transaction_id = (SELECT min(transaction_id) FROM app.transaction_tags)
    """,
}


class Builds:
    """The three snapshots and what the day of changes touched."""

    def __init__(self, before: Path, incremental: Path, full: Path, changed_users: set[str], users: int):
        self.before = before
        self.incremental = incremental
        self.full = full
        self.changed_users = changed_users
        self.users = users


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> Builds:
    directory = tmp_path_factory.mktemp("incremental")
    source = directory / "source.duckdb"
    assert datagen_cli.main([*SOURCE_FLAGS, "--duckdb", str(source)]) == 0
    snapshots_dir = directory / "snapshots"
    before = snapshot.build_and_publish(snapshot.BuildRequest("local", snapshots_dir, source))

    changed_source = directory / "changed.duckdb"
    shutil.copyfile(source, changed_source)
    changed_users = set()
    with duckdb.connect(str(changed_source)) as con:
        users = con.execute("SELECT count(*) FROM app.users").fetchone()[0]
        for change, statement in DAY_OF_CHANGES.items():
            changed_users |= {str(row[0]) for row in con.execute(CHANGED_OWNER[change]).fetchall()}
            con.execute(statement)
    incremental = snapshot.build_and_publish(snapshot.BuildRequest("local", snapshots_dir, changed_source))
    full = snapshot.build_and_publish(snapshot.BuildRequest("local", directory / "full", changed_source))
    return Builds(before, incremental, full, changed_users, users)


def build_summary(published: Path) -> dict:
    return json.loads((published / snapshot.METADATA_FILE).read_text())["build"]


def test_incremental_build_equals_a_full_rebuild_of_the_same_source(builds):
    # Every dataset of the manifest, not only the required marts: a new mart that forgets
    # changed_users_only() would keep its unchanged users' rows twice.
    manifest = json.loads((builds.full / snapshot.MANIFEST_FILE).read_text())
    tables = [*snapshot.dataset_models(manifest), "incremental_state"]
    assert set(snapshot.REQUIRED_MARTS) < set(tables)
    database = snapshot.DATABASE_FILE
    assert snapshot.compare_marts(builds.incremental / database, builds.full / database, tables) == []


def test_day_of_changes_reaches_the_marts(builds):
    # Without this, equal marts could also mean that neither build saw the changes.
    assert snapshot.compare_marts(builds.before / snapshot.DATABASE_FILE, builds.incremental / snapshot.DATABASE_FILE)
    with duckdb.connect(str(builds.incremental / snapshot.DATABASE_FILE), read_only=True) as con:
        new_rows = con.execute("SELECT count(*) FROM fct_transactions WHERE description LIKE 'New %'").fetchone()[0]
        edited = con.execute("SELECT count(*) FROM dim_tags WHERE tag_name LIKE '% (edited)'").fetchone()[0]
        on_new_day = {
            str(row[0])
            for row in con.execute(
                "SELECT DISTINCT user_id FROM fct_daily_balance_history"
                " WHERE balance_date = (SELECT max(booking_date) FROM fct_transactions)"
            ).fetchall()
        }
    assert new_rows == 3
    assert edited == 1
    # Unchanged users' balance histories were extended to the new as-of date, not only rebuilt ones.
    assert on_new_day - builds.changed_users


def test_incremental_build_rebuilds_only_the_changed_users(builds):
    assert build_summary(builds.before)["mode"] == "full"
    summary = build_summary(builds.incremental)
    assert summary["mode"] == "incremental"
    assert summary["previous"] == builds.before.name
    assert 0 < len(builds.changed_users) < builds.users
    assert summary["rebuilt_users"] == len(builds.changed_users)
    assert summary["users"] == builds.users


def test_a_build_without_a_previous_snapshot_is_full(builds):
    summary = build_summary(builds.full)
    assert summary["mode"] == "full"
    assert summary["rebuilt_users"] == summary["users"] == builds.users


def test_a_snapshot_of_another_dbt_project_is_no_base(builds, tmp_path):
    snapshots_dir = builds.incremental.parent
    assert snapshot.incremental_base(snapshots_dir, build_summary(builds.incremental)["project_digest"]) == (
        builds.incremental
    )
    assert snapshot.incremental_base(snapshots_dir, "another project") is None
    assert snapshot.incremental_base(tmp_path, build_summary(builds.incremental)["project_digest"]) is None


class StagingSeen(Exception):
    """Stops a build where dbt would start, with what the staging directory held then."""

    def __init__(self, names: list[str]):
        super().__init__(names)
        self.names = names


def staging_when_dbt_starts(request: snapshot.BuildRequest) -> list[str]:
    def stop(_request: snapshot.BuildRequest, staging: Path) -> None:
        raise StagingSeen(sorted(p.name for p in staging.iterdir()))

    with pytest.raises(StagingSeen) as seen:
        snapshot.build(request, run_dbt=stop)
    return seen.value.names


def test_full_rebuild_on_request_starts_from_an_empty_directory(builds, tmp_path):
    source = builds.before.parent.parent / "changed.duckdb"
    request = snapshot.BuildRequest("local", builds.incremental.parent, source)
    assert staging_when_dbt_starts(request) == [snapshot.DATABASE_FILE]
    assert staging_when_dbt_starts(dataclasses.replace(request, full_rebuild=True)) == []


def test_a_damaged_current_snapshot_is_no_base(builds, tmp_path):
    snapshots_dir = tmp_path / "snapshots"
    shutil.copytree(builds.incremental.parent, snapshots_dir)
    project = build_summary(builds.incremental)["project_digest"]
    with (snapshot.current_snapshot(snapshots_dir) / snapshot.DATABASE_FILE).open("r+b") as database:
        database.seek(-4096, 2)
        flipped = bytes(b ^ 0xFF for b in database.read(16))
        database.seek(-4096, 2)
        database.write(flipped)
    assert snapshot.incremental_base(snapshots_dir, project) is None


def test_a_kept_row_colliding_with_a_rebuilt_one_refuses_the_build(builds, tmp_path):
    # An incremental build tests only the rows it wrote; a grain test must still compare their keys with
    # the whole mart. Here the previous snapshot (as a faulty earlier build could have left it, checksum
    # and all) keeps a copy of a changed user's transaction under an unchanged user, which the build
    # neither deletes nor rewrites: only the collision with the rebuilt row shows it.
    snapshots_dir = tmp_path / "snapshots"
    base = snapshots_dir / builds.before.name
    shutil.copytree(builds.before, base)
    (snapshots_dir / snapshot.CURRENT_FILE).write_text(base.name + "\n")
    database = base / snapshot.DATABASE_FILE
    changed_user = sorted(builds.changed_users)[0]
    with duckdb.connect(str(database)) as con:
        unchanged_user = con.execute(
            "SELECT min(user_id) FROM dim_accounts WHERE user_id NOT IN (SELECT unnest(?::uuid[]))",
            [sorted(builds.changed_users)],
        ).fetchone()[0]
        con.execute(
            "INSERT INTO fct_transactions SELECT * REPLACE (?::uuid AS user_id) FROM fct_transactions"
            " WHERE user_id = ? ORDER BY transaction_id LIMIT 1",
            [unchanged_user, changed_user],
        )
    metadata = json.loads((base / snapshot.METADATA_FILE).read_text())
    metadata["files"][snapshot.DATABASE_FILE] = snapshot.file_digest(database)
    (base / snapshot.METADATA_FILE).write_text(json.dumps(metadata))
    assert snapshot.incremental_base(snapshots_dir, build_summary(builds.before)["project_digest"]) == base

    changed_source = builds.before.parent.parent / "changed.duckdb"
    with pytest.raises(snapshot.SnapshotError, match="unique_fct_transactions_transaction_id"):
        snapshot.build_and_publish(snapshot.BuildRequest("local", snapshots_dir, changed_source))
    assert (snapshots_dir / snapshot.CURRENT_FILE).read_text().strip() == base.name
