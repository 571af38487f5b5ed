-- Source schema of the personal-finance app. Portable between PostgreSQL and DuckDB (both accept
-- these type names); keys and foreign keys live in postgres_constraints.sql so bulk loads stay fast.
CREATE SCHEMA IF NOT EXISTS app;

CREATE TABLE app.users (
    id            uuid NOT NULL,
    email         text NOT NULL,
    display_name  text NOT NULL,
    base_currency char(3) NOT NULL,
    created_at    timestamptz NOT NULL
);

CREATE TABLE app.institutions (
    id      uuid NOT NULL,
    name    text NOT NULL,
    country char(2) NOT NULL,
    bic     text NOT NULL
);

CREATE TABLE app.bank_connections (
    id             uuid NOT NULL,
    user_id        uuid NOT NULL,
    institution_id uuid NOT NULL,
    status         text NOT NULL,
    created_at     timestamptz NOT NULL
);

CREATE TABLE app.accounts (
    id            uuid NOT NULL,
    connection_id uuid NOT NULL,
    name          text NOT NULL,
    account_type  text NOT NULL,
    currency      char(3) NOT NULL,
    opened_on     date NOT NULL,
    closed_on     date
);

-- End-of-day balances as reported by the bank.
CREATE TABLE app.balances (
    id           uuid NOT NULL,
    account_id   uuid NOT NULL,
    balance_date date NOT NULL,
    amount       numeric(18,2) NOT NULL,
    currency     char(3) NOT NULL
);

-- amount is signed: negative = money out. Both legs of a transfer between the same user's own
-- accounts carry the same transfer_id.
CREATE TABLE app.transactions (
    id           uuid NOT NULL,
    account_id   uuid NOT NULL,
    booking_date date NOT NULL,
    value_date   date NOT NULL,
    amount       numeric(18,2) NOT NULL,
    currency     char(3) NOT NULL,
    description  text NOT NULL,
    counterparty text,
    status       text NOT NULL,
    transfer_id  uuid
);

CREATE TABLE app.tags (
    id         uuid NOT NULL,
    user_id    uuid NOT NULL,
    name       text NOT NULL,
    color      text NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE app.transaction_tags (
    transaction_id uuid NOT NULL,
    tag_id         uuid NOT NULL
);
