-- Per user, month and currency, income and spending equal the source's booked, non-transfer
-- transactions to the cent, and net = income - spending. Reads the rows this build wrote, on both
-- sides (macros/incremental_by_user.sql).
with source_transactions as (
    select * from {{ source('app', 'transactions') }}
    where
        status = 'booked' and transfer_id is null
        and {{ changed_account('account_id') }}
),

monthly_trends as (
    select * from {{ ref('fct_monthly_trends') }}
    where {{ changed_user('user_id') }}
),

expected as (
    select
        bank_connections.user_id,
        date_trunc('month', source_transactions.booking_date)::date as month,
        source_transactions.currency::varchar as currency,
        coalesce(sum(source_transactions.amount) filter (where source_transactions.amount > 0), 0) as income,
        coalesce(sum(-source_transactions.amount) filter (where source_transactions.amount < 0), 0) as spending,
        count(*) as transaction_count
    from source_transactions
    inner join {{ source('app', 'accounts') }} as accounts on source_transactions.account_id = accounts.id
    inner join {{ source('app', 'bank_connections') }} as bank_connections
        on accounts.connection_id = bank_connections.id
    group by all
)

select
    coalesce(expected.user_id, mart.user_id) as user_id,
    coalesce(expected.month, mart.month) as month,
    expected.income as expected_income,
    mart.income as mart_income,
    expected.spending as expected_spending,
    mart.spending as mart_spending
from expected
full outer join monthly_trends as mart
    on
        expected.user_id = mart.user_id
        and expected.month = mart.month
        and expected.currency = mart.currency
where
    expected.user_id is null or mart.user_id is null
    or expected.income <> mart.income or expected.spending <> mart.spending
    or mart.net <> expected.income - expected.spending
    or expected.transaction_count <> mart.transaction_count
