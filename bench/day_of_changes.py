"""Applies one day of bank syncs to a copy of a DuckDB source, for measuring incremental refreshes.

    python bench/day_of_changes.py SOURCE OUT [--synced-users-percent 1]

Each synced user (a fixed sample, the same for the same source) gets what a sync brings: three new
transactions on a new day, their oldest pending transaction booked, one booked transaction deleted
(both moving the bank's later reported balances, as a bank's would), one tag renamed and one tag link
removed. Prints the rows changed and their share of all transactions.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import duckdb

CHANGES = """
CREATE TEMP TABLE synced AS
    SELECT id AS user_id FROM app.users ORDER BY hash(id) LIMIT (SELECT ceil(count(*) * ? / 100) FROM app.users);
CREATE TEMP TABLE synced_accounts AS
    SELECT a.id AS account_id, c.user_id FROM app.accounts a JOIN app.bank_connections c ON a.connection_id = c.id
    WHERE c.user_id IN (SELECT user_id FROM synced);
CREATE TEMP TABLE new_day AS
    SELECT greatest((SELECT max(booking_date) FROM app.transactions), (SELECT max(balance_date) FROM app.balances)) + 1
        AS d;
INSERT INTO app.transactions
    SELECT uuid(), account_id, (SELECT d FROM new_day), (SELECT d FROM new_day), amount, currency,
           'New ' || description, counterparty, 'booked', NULL
    FROM app.transactions
    WHERE transfer_id IS NULL AND account_id IN (SELECT account_id FROM synced_accounts)
    QUALIFY row_number() OVER (PARTITION BY account_id ORDER BY id) <= 3;
CREATE TEMP TABLE booked_now AS
    SELECT arg_min(t.id, t.id) AS id FROM app.transactions t JOIN synced_accounts USING (account_id)
    WHERE t.status = 'pending' GROUP BY synced_accounts.user_id;
CREATE TEMP TABLE deleted AS
    SELECT arg_max(t.id, t.id) AS id FROM app.transactions t JOIN synced_accounts USING (account_id)
    WHERE t.status = 'booked' AND t.description NOT LIKE 'New %' AND t.transfer_id IS NULL
    GROUP BY synced_accounts.user_id;
UPDATE app.balances SET amount = balances.amount + t.amount FROM app.transactions t
    WHERE t.id IN (SELECT id FROM booked_now) AND balances.account_id = t.account_id
      AND balances.balance_date >= t.booking_date;
UPDATE app.transactions SET status = 'booked' WHERE id IN (SELECT id FROM booked_now);
UPDATE app.balances SET amount = balances.amount - t.amount FROM app.transactions t
    WHERE t.id IN (SELECT id FROM deleted) AND balances.account_id = t.account_id
      AND balances.balance_date >= t.booking_date;
DELETE FROM app.transaction_tags WHERE transaction_id IN (SELECT id FROM deleted);
DELETE FROM app.transactions WHERE id IN (SELECT id FROM deleted);
UPDATE app.tags SET name = name || ' (renamed)'
    WHERE id IN (SELECT arg_min(id, id) FROM app.tags WHERE user_id IN (SELECT user_id FROM synced) GROUP BY user_id);
DELETE FROM app.transaction_tags WHERE transaction_id IN (
    SELECT arg_min(tt.transaction_id, tt.transaction_id) FROM app.transaction_tags tt
    JOIN app.transactions t ON tt.transaction_id = t.id JOIN synced_accounts USING (account_id)
    GROUP BY synced_accounts.user_id
);
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--synced-users-percent", type=float, default=1.0)
    args = parser.parse_args()
    shutil.copyfile(args.source, args.out)
    with duckdb.connect(str(args.out)) as con:
        before = con.execute("SELECT count(*) FROM app.transactions").fetchone()[0]
        statements = [s for s in CHANGES.split(";") if s.strip()]
        con.execute(statements[0], [args.synced_users_percent])
        for statement in statements[1:]:
            con.execute(statement)
        synced, new, booked, deleted = con.execute(
            "SELECT (SELECT count(*) FROM synced),"
            " (SELECT count(*) FROM app.transactions WHERE booking_date = (SELECT d FROM new_day)),"
            " (SELECT count(*) FROM booked_now), (SELECT count(*) FROM deleted)"
        ).fetchone()
    changed = new + booked + deleted
    print(
        f"day_of_changes: {synced} users synced: {new} new, {booked} booked, {deleted} deleted transactions"
        f" ({changed} of {before} = {100 * changed / before:.3f} %), plus a renamed tag and a removed tag link each"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
