-- One fingerprint per user over every source row their marts are built from: equal fingerprints in two
-- builds mean equal marts for that user (up to the as-of date), so an incremental build skips them.
-- A row's hash counts under each user it can reach (a tag link under the tag's and the transaction's
-- owner); the sum does not depend on row order. Institutions count through int_accounts. A table's
-- name in a select is its whole row as a struct (DuckDB), which sqlfluff takes for a column (RF02).
{{ config(materialized='table') }}

with accounts as (
    select * from {{ ref('int_accounts') }}
),

transactions as (
    select * from {{ ref('stg_transactions') }}
),

balances as (
    select * from {{ ref('stg_balances') }}
),

tags as (
    select * from {{ ref('stg_tags') }}
),

transaction_tags as (
    select * from {{ ref('stg_transaction_tags') }}
),

row_hashes as (
    select
        user_id,
        hash('account', accounts) as row_hash  -- noqa: RF02
    from accounts
    union all
    select
        accounts.user_id,
        hash('transaction', transactions) as row_hash  -- noqa: RF02
    from transactions
    inner join accounts using (account_id)
    union all
    select
        accounts.user_id,
        hash('balance', balances) as row_hash  -- noqa: RF02
    from balances
    inner join accounts using (account_id)
    union all
    select
        user_id,
        hash('tag', tags) as row_hash  -- noqa: RF02
    from tags
    union all
    select
        tags.user_id,
        hash('tag link', transaction_tags) as row_hash  -- noqa: RF02
    from transaction_tags
    inner join tags using (tag_id)
    union all
    select
        accounts.user_id,
        hash('tag link', transaction_tags) as row_hash  -- noqa: RF02
    from transaction_tags
    inner join transactions using (transaction_id)
    inner join accounts using (account_id)
),

final as (
    select
        user_id,
        sum(row_hash) as fingerprint
    from row_hashes
    group by user_id
)

select * from final
