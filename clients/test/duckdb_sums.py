"""Exact per-currency sums from the snapshot's DuckDB file, for clients.test.mjs to compare the API's amounts with.

usage: duckdb_sums.py DATABASE USER_ID START_DATE END_DATE
  ->  JSON {"transactions": {"EUR": "-554.25"}, "spending": {...}, "scale": 2}
Sums are DECIMAL in DuckDB and printed as strings, so nothing passes through a float on either side. "scale" is the
largest number of fraction digits of any DECIMAL column in the marts the dashboard reads.
"""

import json
import sys

import duckdb

QUERIES = {
    "transactions": "select currency, sum(amount) from main.fct_transactions"
    " where user_id = $user and booking_date between $start and $end group by currency",
    "spending": "select currency, sum(spending_amount) from main.fct_daily_spending_by_tag"
    " where user_id = $user and spending_date between $start and $end group by currency",
}

SCALE = (
    "select max(numeric_scale) from information_schema.columns where data_type like 'DECIMAL%' and table_name in"
    " ('fct_transactions', 'fct_daily_spending_by_tag', 'fct_monthly_trends', 'fct_daily_balance_history')"
)


def main() -> None:
    database, user, start, end = sys.argv[1:5]
    with duckdb.connect(database, read_only=True) as connection:
        sums = {
            name: {
                currency: str(total)
                for currency, total in connection.execute(sql, {"user": user, "start": start, "end": end}).fetchall()
            }
            for name, sql in QUERIES.items()
        }
        (sums["scale"],) = connection.execute(SCALE).fetchone()
    print(json.dumps(sums))


if __name__ == "__main__":
    main()
