-- Per user, month and currency, income and spending equal the source's booked, non-transfer
-- transactions to the cent, and net = income - spending.
with expected as (
    select
        bank_connections.user_id,
        date_trunc('month', transactions.booking_date)::date as month,
        transactions.currency::varchar as currency,
        coalesce(sum(transactions.amount) filter (where transactions.amount > 0), 0) as income,
        coalesce(sum(-transactions.amount) filter (where transactions.amount < 0), 0) as spending,
        count(*) as transaction_count
    from {{ source('app', 'transactions') }} as transactions
    inner join {{ source('app', 'accounts') }} as accounts on transactions.account_id = accounts.id
    inner join {{ source('app', 'bank_connections') }} as bank_connections
        on accounts.connection_id = bank_connections.id
    where transactions.status = 'booked' and transactions.transfer_id is null
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
full outer join {{ ref('fct_monthly_trends') }} as mart
    on
        expected.user_id = mart.user_id
        and expected.month = mart.month
        and expected.currency = mart.currency
where
    expected.user_id is null or mart.user_id is null
    or expected.income <> mart.income or expected.spending <> mart.spending
    or mart.net <> expected.income - expected.spending
    or expected.transaction_count <> mart.transaction_count
