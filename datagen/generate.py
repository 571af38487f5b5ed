"""Set-wise synthetic data: every table is one SQL statement over generate_series, so ten million
transactions take minutes, not hours. Randomness comes from hash(seed, key, salt), which makes the
output a pure function of the parameters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb

SCHEMA_DIR = Path(__file__).parent / "schema"
TABLES = (
    "users",
    "institutions",
    "bank_connections",
    "accounts",
    "balances",
    "transactions",
    "tags",
    "transaction_tags",
)


@dataclass(frozen=True)
class Params:
    seed: int
    users: int
    months: int
    transactions_per_month: int
    end_date: dt.date

    @property
    def start_date(self) -> dt.date:
        month_index = self.end_date.year * 12 + self.end_date.month - 1 - (self.months - 1)
        return dt.date(month_index // 12, month_index % 12 + 1, 1)


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute((SCHEMA_DIR / "tables.sql").read_text())


def generate(con: duckdb.DuckDBPyConnection, p: Params) -> None:
    """Fills the app.* tables (created by create_tables) of `con`."""
    for statement in _statements(p):
        con.execute(statement)


def _statements(p: Params) -> list[str]:
    # Only validated integers and dates are spliced into the SQL.
    seed, start, end = int(p.seed), p.start_date.isoformat(), p.end_date.isoformat()
    variable_per_user = int(p.months) * max(int(p.transactions_per_month) - 8, 1)
    return [
        f"CREATE OR REPLACE TEMP MACRO rnd(a, b, c) AS (hash({seed}, a, b, c) % 1000000)::DOUBLE / 1000000",
        f"CREATE OR REPLACE TEMP MACRO uid(a, b, c) AS md5(concat_ws(':', {seed}, a, b, c))::UUID",
        f"CREATE OR REPLACE TEMP MACRO start_date() AS DATE '{start}'",
        f"CREATE OR REPLACE TEMP MACRO end_date() AS DATE '{end}'",
        "CREATE OR REPLACE TEMP MACRO pick(list, r) AS list[1 + floor(r * len(list))::INT]",
        _INSTITUTIONS,
        f"""
        CREATE OR REPLACE TEMP TABLE gen_users AS
        SELECT u,
               uid('user', u, 0) AS user_id,
               CASE u % 10 WHEN 7 THEN 'GBP' WHEN 8 THEN 'GBP' WHEN 9 THEN 'USD' ELSE 'EUR' END AS base_currency,
               u % 6 <> 5 AS has_tags,
               u % 3 <> 2 AS has_savings,
               u % 2 = 0 AS has_card,
               u % 4 = 1 AS has_foreign,
               u % 5 = 3 AS has_dormant,
               u % 10 = 8 AS dormant_closed,
               round(1800 + 4200 * rnd(u, 'salary', 0), 0)::DECIMAL(18,2) AS salary,
               1 + u % 3 AS subscription_count,
               floor(rnd(u, 'bank', 0) * 12)::INT AS primary_bank,
               floor(rnd(u, 'bank', 1) * 11)::INT AS secondary_bank_offset
        FROM range({int(p.users)}) t(u)
        """,
        """
        INSERT INTO app.users
        SELECT user_id,
               'user' || u || '@example.test',
               pick(['Anna', 'Ben', 'Chloe', 'David', 'Emma', 'Felix', 'Grace', 'Hugo', 'Ines', 'Jonas',
                     'Kira', 'Liam', 'Mia', 'Noah', 'Olivia', 'Paul'], rnd(u, 'first', 0)) || ' ' ||
               pick(['Schmidt', 'Smith', 'Martin', 'Rossi', 'Novak', 'Jensen', 'Garcia', 'Brown',
                     'Muller', 'Dubois', 'Kowalski', 'Silva'], rnd(u, 'last', 0)),
               base_currency,
               (start_date() - INTERVAL 400 DAY
                + to_seconds(floor(rnd(u, 'created', 0) * 30000000)::BIGINT))::TIMESTAMPTZ
        FROM gen_users
        """,
        """
        CREATE OR REPLACE TEMP TABLE gen_connections AS
        SELECT u, user_id, 1 AS slot, uid('connection', u, 1) AS connection_id, primary_bank AS bank,
               'active' AS status
        FROM gen_users
        UNION ALL
        SELECT u, user_id, 2, uid('connection', u, 2), (primary_bank + 1 + secondary_bank_offset) % 12,
               CASE WHEN u % 7 = 4 THEN 'expired' ELSE 'active' END
        FROM gen_users WHERE has_card OR has_foreign
        """,
        """
        INSERT INTO app.bank_connections
        SELECT c.connection_id, c.user_id, i.institution_id, c.status,
               (start_date() - INTERVAL 120 DAY
                + to_seconds(floor(rnd(c.u, 'conn', c.slot) * 8000000)::BIGINT))::TIMESTAMPTZ
        FROM gen_connections c JOIN gen_institutions i ON i.n = c.bank
        """,
        """
        CREATE OR REPLACE TEMP TABLE gen_accounts AS
        WITH kinds AS (
            SELECT u, 'checking' AS kind, 1 AS slot, 'checking' AS account_type, base_currency AS currency,
                   start_date() - floor(90 * rnd(u, 'open', 1))::INT AS opened_on, NULL::DATE AS closed_on,
                   round(500 + 3500 * rnd(u, 'opening', 1), 2) AS opening_amount
            FROM gen_users
            UNION ALL
            SELECT u, 'savings', 1, 'savings', base_currency,
                   start_date() + floor(60 * rnd(u, 'open', 2))::INT, NULL,
                   round(1000 + 19000 * rnd(u, 'opening', 2), 2)
            FROM gen_users WHERE has_savings
            UNION ALL
            SELECT u, 'card', 2, 'credit_card', base_currency,
                   start_date() - floor(90 * rnd(u, 'open', 3))::INT, NULL, 0
            FROM gen_users WHERE has_card
            UNION ALL
            SELECT u, 'foreign', 2, 'checking', CASE WHEN base_currency = 'USD' THEN 'EUR' ELSE 'USD' END,
                   start_date() - floor(90 * rnd(u, 'open', 4))::INT, NULL,
                   round(200 + 1800 * rnd(u, 'opening', 4), 2)
            FROM gen_users WHERE has_foreign
            UNION ALL
            SELECT u, 'dormant', 1, CASE WHEN u % 2 = 0 THEN 'brokerage' ELSE 'savings' END, base_currency,
                   start_date() - 30 - floor(300 * rnd(u, 'open', 5))::INT,
                   CASE WHEN dormant_closed THEN start_date() + 20 END,
                   CASE WHEN dormant_closed THEN 0 ELSE round(50 + 450 * rnd(u, 'opening', 5), 2) END
            FROM gen_users WHERE has_dormant
        )
        SELECT k.*, uid('account', k.u, k.kind) AS account_id, uid('connection', k.u, k.slot) AS connection_id,
               k.opening_amount::DECIMAL(18,2) AS opening_balance
        FROM kinds k
        """,
        """
        INSERT INTO app.accounts
        SELECT account_id, connection_id,
               CASE kind
                   WHEN 'checking' THEN CASE currency WHEN 'EUR' THEN 'Girokonto' WHEN 'GBP' THEN 'Current account'
                                                      ELSE 'Everyday checking' END
                   WHEN 'savings' THEN 'Savings'
                   WHEN 'card' THEN 'Credit card'
                   WHEN 'foreign' THEN currency || ' account'
                   ELSE 'Old ' || account_type || ' account'
               END,
               account_type, currency, opened_on, closed_on
        FROM gen_accounts
        """,
        _recurring_transactions(),
        _variable_transactions(variable_per_user),
        _refunds(),
        """
        INSERT INTO app.transactions
        SELECT tx_id, account_id, booking_date, value_date, amount, currency, description, counterparty,
               CASE WHEN booking_date > end_date() - 3 AND rnd(tx_id, 'pending', 0) < 0.7 THEN 'pending'
                    ELSE 'booked' END,
               transfer_id
        FROM gen_transactions
        """,
        _tags(),
        _transaction_tags(),
        _balances(),
    ]


_INSTITUTIONS = """
CREATE OR REPLACE TEMP TABLE gen_institutions AS
SELECT n, uid('institution', n, 0) AS institution_id, name, country, bic
FROM (VALUES (0, 'Sparkasse Berlin', 'DE', 'BELADEBEXXX'), (1, 'Deutsche Kreditbank', 'DE', 'BYLADEM1001'),
             (2, 'N26', 'DE', 'NTSBDEB1XXX'), (3, 'ING Deutschland', 'DE', 'INGDDEFFXXX'),
             (4, 'Barclays', 'GB', 'BARCGB22XXX'), (5, 'Monzo', 'GB', 'MONZGB2LXXX'),
             (6, 'BNP Paribas', 'FR', 'BNPAFRPPXXX'), (7, 'Revolut', 'LT', 'REVOLT21XXX'),
             (8, 'Chase', 'US', 'CHASUS33XXX'), (9, 'Rabobank', 'NL', 'RABONL2UXXX'),
             (10, 'American Express', 'US', 'AEIBUS33XXX'), (11, 'Erste Bank', 'AT', 'GIBAATWWXXX'))
     AS t(n, name, country, bic);
INSERT INTO app.institutions SELECT institution_id, name, country, bic FROM gen_institutions;
"""


def _recurring_transactions() -> str:
    """Salary, rent, subscriptions, freelance income and the two kinds of own-account transfers."""
    return """
    CREATE OR REPLACE TEMP TABLE gen_transactions AS
    WITH months AS (
        SELECT m, (start_date() + to_months(m::INT))::DATE AS month_start
        FROM range(datediff('month', start_date(), end_date()) + 1) t(m)
    ),
    acct AS (
        SELECT u,
               max(account_id) FILTER (kind = 'checking') AS checking,
               max(account_id) FILTER (kind = 'savings') AS savings,
               max(opened_on) FILTER (kind = 'savings') AS savings_opened,
               max(account_id) FILTER (kind = 'card') AS card,
               max(account_id) FILTER (kind = 'foreign') AS foreign_account,
               max(currency) FILTER (kind = 'foreign') AS foreign_currency
        FROM gen_accounts GROUP BY u
    ),
    um AS (SELECT * FROM gen_users JOIN acct USING (u) CROSS JOIN months),
    rows AS (
        SELECT u, 'salary' AS category, m, 0 AS k, checking AS account_id, base_currency AS currency,
               month_start + 24 + floor(3 * rnd(u, 'salary_day', m))::INT AS booking_date,
               salary + round(salary * 0.02 * rnd(u, 'bonus', m), 2) AS amount,
               'Salary ' || strftime(month_start, '%B %Y') AS description,
               pick(['Acme GmbH', 'Globex Ltd', 'Initech Inc', 'Umbrella SE', 'Stark Industries'],
                    rnd(u, 'employer', 0)) AS counterparty,
               NULL::UUID AS transfer_id
        FROM um
        UNION ALL
        SELECT u, 'rent', m, 0, checking, base_currency, month_start + floor(3 * rnd(u, 'rent_day', m))::INT,
               -round(salary * 0.32, 0), 'Rent ' || strftime(month_start, '%B %Y'), 'Hausverwaltung ' || (u % 97), NULL
        FROM um
        UNION ALL
        SELECT u, 'subscriptions', m, s, coalesce(card, checking), base_currency,
               month_start + floor(27 * rnd(u, 'sub_day', s))::INT,
               -[12.99, 10.99, 39.90, 2.99, 14.50][1 + (u + s) % 5],
               ['Netflix', 'Spotify', 'FitX membership', 'iCloud storage', 'Newspaper'][1 + (u + s) % 5]
                   || ' subscription',
               ['Netflix', 'Spotify', 'FitX', 'Apple', 'Zeit Verlag'][1 + (u + s) % 5], NULL
        FROM um CROSS JOIN range(3) t(s) WHERE s < subscription_count
        UNION ALL
        SELECT u, 'freelance', m, 0, foreign_account, foreign_currency, month_start + 14,
               round(300 + 900 * rnd(u, 'freelance', m), 2), 'Invoice ' || (1000 + m), 'Client ' || (u % 13), NULL
        FROM um WHERE has_foreign
        UNION ALL
        SELECT u, 'transfer', m, leg, CASE leg WHEN 0 THEN checking ELSE savings END, base_currency,
               month_start + 27, CASE leg WHEN 0 THEN -1 ELSE 1 END * round(salary * 0.1, 0),
               'Transfer to savings', NULL, uid('savings_transfer', u, m)
        FROM um CROSS JOIN range(2) t(leg) WHERE has_savings AND month_start + 27 >= savings_opened
        UNION ALL
        SELECT u, 'transfer', m, 2 + leg, CASE leg WHEN 0 THEN checking ELSE card END, base_currency,
               month_start + 4, CASE leg WHEN 0 THEN -1 ELSE 1 END * round(300 + 500 * rnd(u, 'card_payoff', m), 2),
               'Credit card payment', NULL, uid('card_payoff', u, m)
        FROM um CROSS JOIN range(2) t(leg) WHERE has_card
    )
    SELECT uid('tx', u, category || ':' || m || ':' || k) AS tx_id, u, category, account_id, currency,
           booking_date, booking_date AS value_date, amount::DECIMAL(18,2) AS amount, description, counterparty,
           transfer_id
    FROM rows WHERE booking_date <= end_date()
    """


def _variable_transactions(per_user: int) -> str:
    """Day-to-day card spending; shops are closed on Sundays, so most Sundays have no activity."""
    return f"""
    INSERT INTO gen_transactions
    WITH draws AS (
        SELECT g.u, i, g.has_card, g.has_foreign, g.base_currency,
               rnd(g.u, 'cat', i) AS r_cat, rnd(g.u, 'day', i) AS r_day, rnd(g.u, 'amount', i) AS r_amount,
               rnd(g.u, 'merchant', i) AS r_merchant, rnd(g.u, 'account', i) AS r_account
        FROM gen_users g CROSS JOIN range({per_user}) t(i)
    ),
    categorised AS (
        SELECT *,
               CASE WHEN r_cat < 0.35 THEN 'groceries' WHEN r_cat < 0.55 THEN 'dining'
                    WHEN r_cat < 0.70 THEN 'transport' WHEN r_cat < 0.85 THEN 'shopping'
                    WHEN r_cat < 0.95 THEN 'cash' ELSE 'travel' END AS category,
               start_date() + floor(r_day * (datediff('day', start_date(), end_date()) + 1))::INT AS raw_day
        FROM draws
    ),
    placed AS (
        SELECT c.*,
               CASE WHEN isodow(raw_day) <> 7 THEN raw_day WHEN raw_day < end_date() THEN raw_day + 1
                    ELSE raw_day - 1 END AS booking_date,
               CASE WHEN category = 'travel' AND has_foreign THEN 'foreign'
                    WHEN has_card AND category IN ('dining', 'shopping', 'travel') AND r_account < 0.6 THEN 'card'
                    ELSE 'checking' END AS kind
        FROM categorised c
    )
    SELECT uid('tx', p.u, 'var:' || p.i), p.u, p.category, a.account_id, a.currency, p.booking_date,
           p.booking_date - CASE WHEN p.r_account < 0.3 THEN 1 ELSE 0 END,
           -CASE p.category
                WHEN 'groceries' THEN round(6 + 134 * p.r_amount * p.r_amount, 2)
                WHEN 'dining' THEN round(8 + 77 * p.r_amount * p.r_amount, 2)
                WHEN 'transport' THEN round(2.5 + 57.5 * p.r_amount * p.r_amount, 2)
                WHEN 'shopping' THEN round(10 + 340 * p.r_amount * p.r_amount, 2)
                WHEN 'cash' THEN [20, 50, 100, 200][1 + floor(4 * p.r_amount)::INT]
                ELSE round(15 + 385 * p.r_amount, 2)
            END::DECIMAL(18,2),
           CASE p.category WHEN 'cash' THEN 'Cash withdrawal ATM ' || (p.i % 500)
                ELSE 'Card payment ' || m.merchant END,
           CASE WHEN p.category = 'cash' THEN NULL ELSE m.merchant END,
           NULL::UUID
    FROM placed p
    JOIN gen_accounts a ON a.u = p.u AND a.kind = p.kind
    LEFT JOIN (
        SELECT category, list(merchant) AS merchants FROM (VALUES
            ('groceries', 'REWE'), ('groceries', 'Lidl'), ('groceries', 'Tesco'), ('groceries', 'Aldi'),
            ('groceries', 'Whole Foods'),
            ('dining', 'Vapiano'), ('dining', 'Pret A Manger'), ('dining', 'Starbucks'), ('dining', 'Local Bistro'),
            ('transport', 'BVG'), ('transport', 'Deutsche Bahn'), ('transport', 'Uber'), ('transport', 'Shell'),
            ('shopping', 'Amazon'), ('shopping', 'Zalando'), ('shopping', 'IKEA'), ('shopping', 'MediaMarkt'),
            ('travel', 'Booking.com'), ('travel', 'Lufthansa'), ('travel', 'Airbnb'), ('travel', 'Hertz')
        ) t(category, merchant) GROUP BY category
    ) ml ON ml.category = p.category
    CROSS JOIN LATERAL (SELECT pick(ml.merchants, p.r_merchant) AS merchant) m
    """


def _refunds() -> str:
    """A few purchases come back as (partial) refunds a few days later, carrying the purchase's tags."""
    return """
    INSERT INTO gen_transactions
    SELECT uid('tx', u, 'refund:' || tx_id), u, category, account_id, currency, booking_date + 5, booking_date + 5,
           (-amount * CASE WHEN rnd(tx_id, 'partial', 0) < 0.3 THEN 0.5 ELSE 1 END)::DECIMAL(18,2),
           'Refund ' || counterparty, counterparty, NULL
    FROM gen_transactions
    WHERE category IN ('shopping', 'groceries') AND rnd(tx_id, 'refund', 0) < 0.03 AND booking_date + 5 <= end_date()
    """


def _tags() -> str:
    return """
    CREATE OR REPLACE TEMP TABLE gen_tags AS
    SELECT g.u, g.user_id, t.name, t.category, uid('tag', g.u, t.name) AS tag_id, t.color
    FROM gen_users g
    CROSS JOIN (VALUES ('Salary', 'salary', '#2e7d32'), ('Rent', 'rent', '#6d4c41'),
                       ('Groceries', 'groceries', '#43a047'), ('Dining', 'dining', '#fb8c00'),
                       ('Transport', 'transport', '#1e88e5'), ('Shopping', 'shopping', '#8e24aa'),
                       ('Subscriptions', 'subscriptions', '#00897b'), ('Travel', 'travel', '#f4511e'),
                       ('Tax deductible', NULL, '#546e7a')) t(name, category, color)
    WHERE g.has_tags AND NOT (t.name = 'Dining' AND g.u % 4 = 2);
    INSERT INTO app.tags
    SELECT tag_id, user_id, name, color,
           (start_date() - INTERVAL 100 DAY + to_seconds(floor(rnd(u, 'tag', name) * 8000000)::BIGINT))::TIMESTAMPTZ
    FROM gen_tags;
    """


def _transaction_tags() -> str:
    """Category tags (a user leaves some untagged), plus second tags: tax-deductible purchases and
    spending on the foreign-currency account tagged as travel."""
    return """
    INSERT INTO app.transaction_tags
    WITH wanted AS (
        SELECT tx_id, u, category AS tag_category, NULL AS tag_name FROM gen_transactions
        WHERE category NOT IN ('cash', 'freelance', 'transfer') AND rnd(tx_id, 'untagged', 0) >= 0.07
        UNION ALL
        SELECT tx_id, u, NULL, 'Tax deductible' FROM gen_transactions
        WHERE category IN ('shopping', 'subscriptions') AND rnd(tx_id, 'tax', 0) < 0.15
        UNION ALL
        SELECT t.tx_id, t.u, NULL, 'Travel' FROM gen_transactions t JOIN gen_accounts a USING (account_id)
        WHERE a.kind = 'foreign' AND t.category IN ('dining', 'transport', 'shopping')
    )
    SELECT DISTINCT w.tx_id, g.tag_id
    FROM wanted w JOIN gen_tags g ON g.u = w.u AND (g.category = w.tag_category OR g.name = w.tag_name)
    """


def _balances() -> str:
    """The bank reports the end-of-day balance on the opening day, every month end and the last day;
    pending transactions do not move it."""
    return """
    INSERT INTO app.balances
    WITH report_days AS (
        SELECT account_id, opened_on AS d FROM gen_accounts
        UNION
        SELECT a.account_id, (date_trunc('month', s.d) + INTERVAL 1 MONTH - INTERVAL 1 DAY)::DATE
        FROM gen_accounts a,
             LATERAL (SELECT unnest(generate_series(greatest(a.opened_on, start_date()),
                                                    coalesce(a.closed_on, end_date()),
                                                    INTERVAL 1 MONTH))::DATE AS d) s
        UNION
        SELECT account_id, coalesce(closed_on, end_date()) FROM gen_accounts
    ),
    in_range AS (
        SELECT r.account_id, r.d, TRUE AS is_report FROM report_days r JOIN gen_accounts a USING (account_id)
        WHERE r.d BETWEEN a.opened_on AND coalesce(a.closed_on, end_date())
    ),
    booked AS (
        SELECT account_id, booking_date AS d, sum(amount) AS amount FROM app.transactions
        WHERE status = 'booked' GROUP BY ALL
    ),
    running AS (
        SELECT account_id, d, coalesce(is_report, FALSE) AS reported,
               sum(coalesce(booked.amount, 0)) OVER (PARTITION BY account_id ORDER BY d) AS booked_to_date
        FROM booked FULL JOIN in_range USING (account_id, d)
    )
    SELECT uid('balance', r.account_id, r.d), r.account_id, r.d,
           (a.opening_balance + r.booked_to_date)::DECIMAL(18,2), a.currency
    FROM running r JOIN gen_accounts a USING (account_id)
    WHERE r.reported
    """
