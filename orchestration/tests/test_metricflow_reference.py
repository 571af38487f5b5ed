"""The MetricFlow reference runner against plain DuckDB SQL written by hand for the same questions.

One snapshot of a generated source, one run of the runner (its command line, as the gateway's
cross-check calls it) for every request; each test checks one answer against SQL over the marts.
The expected SQL spells out the MetricFlow semantics the gateway must match (docs/metrics.md,
"Checked against MetricFlow"): only booked non-transfer cash flows count, a group exists when the
model has a row for it (value 0 rather than no row), balances are each account's last day of the
period, and a metric_time grain widens the window to whole periods.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from analytics_orchestration import snapshot
from datagen import cli as datagen_cli

SOURCE_FLAGS = ["--seed", "16", "--users", "4", "--months", "4", "--transactions-per-month", "25"]
SOURCE_END = "2026-04-30"
QUARTER = ("2026-01-01", "2026-03-31")
# Wednesday to Wednesday: the week grain widens it to Monday 2026-02-02 .. Sunday 2026-02-22.
MID_WEEK = ("2026-02-04", "2026-02-18")
WHOLE_WEEKS = ("2026-02-02", "2026-02-22")
# Mid-month to mid-month: the month grain widens it to 2026-01-01 .. 2026-02-28.
MID_MONTH = ("2026-01-15", "2026-02-10")

# What the spending and income metrics count (the marts' rule: booked, not a transfer between own accounts).
CASH_FLOW = "status = 'booked' and not is_transfer"


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source") / "source.duckdb"
    assert datagen_cli.main([*SOURCE_FLAGS, "--end-date", SOURCE_END, "--duckdb", str(source)]) == 0
    return snapshot.build_and_publish(snapshot.BuildRequest("local", tmp_path_factory.mktemp("snapshots"), source))


@pytest.fixture(scope="module")
def marts(published) -> duckdb.DuckDBPyConnection:
    with duckdb.connect(str(published / "analytics.duckdb"), read_only=True) as con:
        yield con


@pytest.fixture(scope="module")
def users(marts) -> list[str]:
    return [str(row[0]) for row in marts.execute("select distinct user_id from dim_accounts order by 1").fetchall()]


def requests_for(users: list[str]) -> list[dict]:
    user, other = users[0], users[1]
    monthly = [
        {
            "id": f"cash_flow_by_month:{u}",
            "user_id": u,
            "metrics": ["spending", "income", "net", "transaction_count"],
            "group_by": ["metric_time__month", "transaction__currency"],
            "start": QUARTER[0],
            "end": QUARTER[1],
        }
        for u in users
    ]
    return [
        *monthly,
        {
            "id": "spending_by_week",
            "user_id": user,
            "metrics": ["spending"],
            "group_by": ["metric_time__week"],
            "start": MID_WEEK[0],
            "end": MID_WEEK[1],
            "order_by": ["metric_time__week"],
        },
        {
            "id": "spending_by_month_mid_month",
            "user_id": other,
            "metrics": ["spending"],
            "group_by": ["metric_time__month"],
            "start": MID_MONTH[0],
            "end": MID_MONTH[1],
        },
        {
            "id": "spending_without_metric_time",
            "user_id": user,
            "metrics": ["spending"],
            "group_by": ["transaction__currency"],
            "start": MID_WEEK[0],
            "end": MID_WEEK[1],
        },
        {
            "id": "balance_by_month_and_account",
            "user_id": user,
            "metrics": ["balance"],
            "group_by": ["metric_time__month", "account"],
            "start": QUARTER[0],
            "end": QUARTER[1],
        },
        {
            "id": "balance_by_quarter_and_currency",
            "user_id": other,
            "metrics": ["balance"],
            "group_by": ["metric_time__quarter", "account_day__currency"],
            "start": QUARTER[0],
            "end": SOURCE_END,
        },
        {
            "id": "savings_rate_by_month",
            "user_id": other,
            "metrics": ["savings_rate"],
            "group_by": ["metric_time__month", "transaction__currency"],
            "start": QUARTER[0],
            "end": QUARTER[1],
        },
        {
            "id": "tag_spending_by_tag",
            "user_id": user,
            "metrics": ["tag_spending", "refund_rate"],
            "group_by": ["tag__tag_name", "tag_spending__currency"],
            "start": QUARTER[0],
            "end": QUARTER[1],
        },
        {
            "id": "spending_and_balance_by_account_type",
            "user_id": other,
            "metrics": ["spending", "balance"],
            "group_by": ["metric_time__month", "account__account_type"],
            "where": ["{{ Dimension('account__account_type') }} <> 'savings'"],
        },
        {"id": "unknown_metric", "user_id": user, "metrics": ["no_such_metric"], "group_by": []},
        {"id": "malformed_user", "user_id": "' or 1 = 1 --", "metrics": ["spending"], "group_by": []},
    ]


@pytest.fixture(scope="module")
def answers(published, users) -> dict:
    run = subprocess.run(
        [sys.executable, "-m", "analytics_orchestration.metricflow_reference", "--snapshot", str(published)],
        input=json.dumps(requests_for(users)),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def rows(answer: dict, columns: list[str]) -> list[tuple]:
    """The answer's rows as tuples in the given column order, sorted: MetricFlow orders neither."""
    assert "error" not in answer, answer["error"]
    assert sorted(answer["columns"]) == sorted(columns)
    positions = [answer["columns"].index(c) for c in columns]
    return sorted((tuple(row[p] for p in positions) for row in answer["rows"]), key=repr)


def expected(marts: duckdb.DuckDBPyConnection, sql: str, *parameters) -> list[tuple]:
    return sorted(marts.execute(sql, list(parameters)).fetchall(), key=repr)


def spending_by_week(marts, user: str, start: str, end: str) -> list[tuple]:
    return expected(
        marts,
        f"""
        select strftime(date_trunc('week', booking_date), '%Y-%m-%d'),
               coalesce(sum(-amount) filter (where {CASH_FLOW} and amount < 0), 0)::varchar
        from fct_transactions
        where user_id = ? and booking_date between ?::date and ?::date
        group by 1
        """,
        user,
        start,
        end,
    )


def test_cash_flow_per_month_and_currency_matches_the_booked_non_transfer_sums_of_every_user(answers, marts, users):
    for user in users:
        want = expected(
            marts,
            f"""
            select strftime(date_trunc('month', booking_date), '%Y-%m-%d'), currency,
                   coalesce(sum(-amount) filter (where {CASH_FLOW} and amount < 0), 0)::varchar,
                   coalesce(sum(amount) filter (where {CASH_FLOW} and amount > 0), 0)::varchar,
                   coalesce(sum(amount) filter (where {CASH_FLOW}), 0)::varchar,
                   count(*) filter (where {CASH_FLOW})
            from fct_transactions
            where user_id = ? and booking_date between ?::date and ?::date
            group by all
            """,
            user,
            *QUARTER,
        )
        columns = ["metric_time__month", "transaction__currency", "spending", "income", "net", "transaction_count"]
        got = rows(answers[f"cash_flow_by_month:{user}"], columns)
        assert len(got) >= 3
        assert got == want


def test_week_grain_widens_the_window_to_whole_iso_weeks(answers, marts, users):
    got = rows(answers["spending_by_week"], ["metric_time__week", "spending"])
    assert got == spending_by_week(marts, users[0], *WHOLE_WEEKS)
    # The widening is visible in these data: the requested days alone give other sums.
    assert got != spending_by_week(marts, users[0], *MID_WEEK)
    assert [week for week, _ in got] == ["2026-02-02", "2026-02-09", "2026-02-16"]


def spending_by_month(marts, user: str, start: str, end: str) -> list[tuple]:
    return expected(
        marts,
        f"""
        select strftime(date_trunc('month', booking_date), '%Y-%m-%d'),
               coalesce(sum(-amount) filter (where {CASH_FLOW} and amount < 0), 0)::varchar
        from fct_transactions
        where user_id = ? and booking_date between ?::date and ?::date
        group by 1
        """,
        user,
        start,
        end,
    )


def test_month_grain_widens_the_window_to_whole_months(answers, marts, users):
    got = rows(answers["spending_by_month_mid_month"], ["metric_time__month", "spending"])
    assert got == spending_by_month(marts, users[1], "2026-01-01", "2026-02-28")
    assert got != spending_by_month(marts, users[1], *MID_MONTH)


def test_without_metric_time_the_window_is_not_widened(answers, marts, users):
    want = expected(
        marts,
        f"""
        select currency, coalesce(sum(-amount) filter (where {CASH_FLOW} and amount < 0), 0)::varchar
        from fct_transactions
        where user_id = ? and booking_date between ?::date and ?::date
        group by 1
        """,
        users[0],
        *MID_WEEK,
    )
    assert rows(answers["spending_without_metric_time"], ["transaction__currency", "spending"]) == want


def last_day_balances(period: str) -> str:
    """Each account's balance on its last day in each period of the window: the semi-additive rule.

    Parameters $1, $2, $3: the user, the window's first and last day.
    """
    return f"""
        select account_id, currency, date_trunc('{period}', balance_date) as period, balance
        from fct_daily_balance_history
        where user_id = $1 and balance_date between $2::date and $3::date
        qualify balance_date = max(balance_date) over (partition by account_id, date_trunc('{period}', balance_date))
    """


def test_balance_per_month_is_each_accounts_last_day_of_the_month(answers, marts, users):
    want = expected(
        marts,
        f"""
        select strftime(period, '%Y-%m-%d'), account_id::varchar, balance::decimal(38, 2)::varchar
        from ({last_day_balances("month")})
        """,
        users[0],
        *QUARTER,
    )
    assert len(want) >= 3
    assert rows(answers["balance_by_month_and_account"], ["metric_time__month", "account", "balance"]) == want


def test_balance_per_quarter_and_currency_sums_the_accounts_last_days(answers, marts, users):
    want = expected(
        marts,
        f"""
        select strftime(period, '%Y-%m-%d'), currency, sum(balance)::varchar
        from ({last_day_balances("quarter")})
        group by all
        """,
        users[1],
        # The quarter grain widens the end, 2026-04-30, to the quarter's end.
        QUARTER[0],
        "2026-06-30",
    )
    assert [q for q, _, _ in want] == ["2026-01-01", "2026-04-01"]
    columns = ["metric_time__quarter", "account_day__currency", "balance"]
    assert rows(answers["balance_by_quarter_and_currency"], columns) == want


def test_savings_rate_is_net_over_income_as_a_double_and_null_without_income(answers, marts, users):
    want = expected(
        marts,
        f"""
        select strftime(date_trunc('month', booking_date), '%Y-%m-%d'), currency,
               coalesce(sum(amount) filter (where {CASH_FLOW}), 0)::double
                 / nullif(coalesce(sum(amount) filter (where {CASH_FLOW} and amount > 0), 0), 0)::double
        from fct_transactions
        where user_id = ? and booking_date between ?::date and ?::date
        group by all
        """,
        users[1],
        *QUARTER,
    )
    got = rows(answers["savings_rate_by_month"], ["metric_time__month", "transaction__currency", "savings_rate"])
    assert [row[:2] for row in got] == [row[:2] for row in want]
    assert [row[2] for row in got] == pytest.approx([row[2] for row in want], rel=1e-12)


def test_untagged_spending_appears_under_a_null_tag_name(answers, marts, users):
    want = expected(
        marts,
        """
        select dim_tags.tag_name, spending.currency, sum(spending.spending_amount)::varchar,
               sum(spending.refund_amount) / nullif(sum(spending.spending_amount), 0)
        from fct_daily_spending_by_tag as spending
        left join dim_tags using (tag_id)
        where spending.user_id = ? and spending.spending_date between ?::date and ?::date
        group by all
        """,
        users[0],
        *QUARTER,
    )
    got = rows(
        answers["tag_spending_by_tag"], ["tag__tag_name", "tag_spending__currency", "tag_spending", "refund_rate"]
    )
    assert None in [tag for tag, *_ in got]
    assert [row[:3] for row in got] == [row[:3] for row in want]
    assert [row[3] for row in got] == pytest.approx([row[3] for row in want], rel=1e-12)


def test_metrics_of_two_semantic_models_full_join_on_the_group_by_with_the_where_applied_to_both(answers, marts, users):
    want = expected(
        marts,
        f"""
        with spending as (
            select date_trunc('month', booking_date) as month, account_type,
                   coalesce(sum(-amount) filter (where {CASH_FLOW} and amount < 0), 0) as spending
            from fct_transactions join dim_accounts using (account_id, user_id)
            where user_id = $1 and booking_date between $2::date and $3::date and account_type <> 'savings'
            group by all
        ),
        balance as (
            select period as month, account_type, sum(balance) as balance
            from ({last_day_balances("month")})
            join dim_accounts using (account_id)
            where account_type <> 'savings'
            group by all
        )
        select strftime(month, '%Y-%m-%d'), account_type, spending::varchar, balance::varchar
        from spending full join balance using (month, account_type)
        """,
        users[1],
        # No window in the request: all of the data.
        "1900-01-01",
        "2100-12-31",
    )
    columns = ["metric_time__month", "account__account_type", "spending", "balance"]
    got = rows(answers["spending_and_balance_by_account_type"], columns)
    assert "savings" not in [account_type for _, account_type, _, _ in got]
    # Balances start before the first transaction: those months have a balance and a null (not 0) spending.
    assert None in [spending for _, _, spending, _ in got]
    assert got == want


def test_a_failing_request_answers_with_its_error_and_the_others_still_answer(answers, users):
    assert "does not exactly match any known metrics" in answers["unknown_metric"]["error"]
    assert "UUID" in answers["malformed_user"]["error"]
    assert set(answers) == {r["id"] for r in requests_for(users)}
    assert all("rows" in answers[r["id"]] for r in requests_for(users) if r["id"].startswith("cash_flow"))


def test_the_snapshot_is_left_as_published(answers, published):
    files = json.loads((published / "snapshot.json").read_text())["files"]
    database = published / "analytics.duckdb"
    assert hashlib.sha256(database.read_bytes()).hexdigest() == files["analytics.duckdb"]["sha256"]
    assert {p.name for p in published.iterdir()} == {"analytics.duckdb", "manifest.json", "snapshot.json"}
