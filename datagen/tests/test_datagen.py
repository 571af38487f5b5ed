"""The generator against real DuckDB files: determinism, the shape the marts rely on, bad flags."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from analytics_common.dsn import redact
from datagen import cli
from datagen import generate as gen

SMALL = ["--seed", "3", "--users", "10", "--months", "4", "--transactions-per-month", "20"]


def generate_file(path: Path, *flags: str) -> Path:
    assert cli.main([*flags, "--duckdb", str(path)]) == 0
    return path


def table_fingerprints(path: Path) -> dict[str, tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {
            table: con.execute(f"SELECT count(*), sum(hash(t)::HUGEINT) FROM app.{table} t").fetchone()
            for table in gen.TABLES
        }


@pytest.fixture(scope="module")
def small_source(tmp_path_factory) -> Path:
    return generate_file(tmp_path_factory.mktemp("src") / "source.duckdb", *SMALL)


def test_same_seed_and_flags_give_identical_data(small_source, tmp_path):
    again = generate_file(tmp_path / "again.duckdb", *SMALL)
    assert table_fingerprints(again) == table_fingerprints(small_source)


def test_another_seed_gives_other_data(small_source, tmp_path):
    other = generate_file(tmp_path / "other.duckdb", "--seed", "4", *SMALL[2:])
    assert table_fingerprints(other)["transactions"] != table_fingerprints(small_source)["transactions"]


def test_size_follows_the_flags(tmp_path):
    small = table_fingerprints(
        generate_file(tmp_path / "a.duckdb", "--users", "4", "--months", "2", "--transactions-per-month", "20")
    )
    large = table_fingerprints(
        generate_file(tmp_path / "b.duckdb", "--users", "8", "--months", "2", "--transactions-per-month", "20")
    )
    assert small["users"][0] == 4 and large["users"][0] == 8
    assert large["transactions"][0] > 1.8 * small["transactions"][0]


def test_data_has_every_case_the_marts_must_handle(small_source):
    # Each query counts the rows of one case; a case the generator stopped producing shows up by name.
    cases = {
        "pending transaction": "SELECT count(*) FROM app.transactions WHERE status = 'pending'",
        "transfer": "SELECT count(DISTINCT transfer_id) FROM app.transactions",
        "refund": "SELECT count(*) FROM app.transactions WHERE amount > 0 AND description LIKE 'Refund%'",
        "transaction with several tags": """
            SELECT count(*) FROM (SELECT transaction_id FROM app.transaction_tags GROUP BY ALL HAVING count(*) > 1)""",
        "untagged transaction": """
            SELECT count(*) FROM app.transactions t
            WHERE NOT EXISTS (SELECT 1 FROM app.transaction_tags tt WHERE tt.transaction_id = t.id)""",
        "account without transactions": """
            SELECT count(*) FROM app.accounts a
            WHERE NOT EXISTS (SELECT 1 FROM app.transactions t WHERE t.account_id = a.id)""",
        "user without tags": """
            SELECT count(*) FROM app.users u WHERE NOT EXISTS (SELECT 1 FROM app.tags g WHERE g.user_id = u.id)""",
        "day without transactions": """
            SELECT count(*) FROM range(DATE '2026-07-01', DATE '2026-10-31', INTERVAL 1 DAY) d(day)
            WHERE NOT EXISTS (SELECT 1 FROM app.transactions t WHERE t.booking_date = d.day::DATE)""",
    }
    with duckdb.connect(str(small_source), read_only=True) as con:
        missing = [case for case, sql in cases.items() if con.execute(sql).fetchone()[0] == 0]
        currencies = con.execute("SELECT count(DISTINCT currency) FROM app.transactions").fetchone()[0]
    assert missing == []
    assert currencies >= 2


def test_transfer_legs_cancel_out_within_one_user(small_source):
    with duckdb.connect(str(small_source), read_only=True) as con:
        broken = con.execute("""
            SELECT transfer_id FROM app.transactions t
            JOIN app.accounts a ON a.id = t.account_id JOIN app.bank_connections c ON c.id = a.connection_id
            WHERE transfer_id IS NOT NULL
            GROUP BY transfer_id HAVING count(*) <> 2 OR sum(amount) <> 0 OR count(DISTINCT c.user_id) <> 1
        """).fetchall()
    assert broken == []


@pytest.mark.parametrize(
    "flags, message",
    [
        (["--users", "0"], "--users must be between 1 and 1000000, got 0"),
        (["--months", "121"], "--months must be between 1 and 120, got 121"),
        (["--transactions-per-month", "5"], "--transactions-per-month must be between 10 and 2000, got 5"),
        (["--seed", "-1"], "--seed must be between 0 and 2147483647, got -1"),
        (["--end-date", "31.10.2026"], "--end-date must be an ISO date"),
        (["--users", "1000000", "--months", "120", "--transactions-per-month", "2000"], "at most 200,000,000"),
    ],
)
def test_rejects_out_of_range_flags_with_a_message_naming_the_flag(flags, message, tmp_path, capsys):
    target = tmp_path / "never.duckdb"
    with pytest.raises(SystemExit) as exit_info:
        cli.main([*flags, "--duckdb", str(target)])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err
    assert not target.exists()


def test_unreachable_postgres_is_reported_without_the_password(capsys):
    code = cli.main(
        [*SMALL, "--postgres", "host=127.0.0.1 port=1 dbname=none user=nobody password=secret connect_timeout=2"]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "cannot reach PostgreSQL" in err and "port=1" in err
    assert "secret" not in err


def test_failed_generation_leaves_no_file_behind(tmp_path, monkeypatch):
    target = tmp_path / "source.duckdb"

    def failing_generate(con, params):
        con.execute("SELECT * FROM app.no_such_table")

    monkeypatch.setattr(gen, "generate", failing_generate)
    assert cli.main([*SMALL, "--duckdb", str(target)]) == 1
    assert list(tmp_path.iterdir()) == []


def test_redact_hides_passwords_in_both_dsn_styles():
    assert redact("host=h password=s3cret user=u") == "host=h password=*** user=u"
    assert redact("postgresql://u:s3cret@h/db") == "postgresql://u:***@h/db"
