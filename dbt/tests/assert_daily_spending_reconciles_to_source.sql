-- Per user, tag, day and currency, the mart's spending and refunds equal the source's booked,
-- non-transfer transactions to the cent (computed here straight from the source tables).
with source_rows as (
    select
        bank_connections.user_id,
        transaction_tags.tag_id,
        transactions.booking_date,
        transactions.currency,
        transactions.amount
    from {{ source('app', 'transactions') }} as transactions
    inner join {{ source('app', 'accounts') }} as accounts on transactions.account_id = accounts.id
    inner join {{ source('app', 'bank_connections') }} as bank_connections
        on accounts.connection_id = bank_connections.id
    left join {{ source('app', 'transaction_tags') }} as transaction_tags
        on transactions.id = transaction_tags.transaction_id
    where transactions.status = 'booked' and transactions.transfer_id is null
),

expected as (
    select
        user_id,
        tag_id,
        booking_date as spending_date,
        currency::varchar as currency,
        coalesce(sum(-amount) filter (where amount < 0), 0) as spending_amount,
        coalesce(sum(amount) filter (where amount > 0), 0) as refund_amount,
        count(*) as transaction_count
    from source_rows
    group by all
)

select
    coalesce(expected.user_id, mart.user_id) as user_id,
    coalesce(expected.tag_id, mart.tag_id) as tag_id,
    coalesce(expected.spending_date, mart.spending_date) as spending_date,
    expected.spending_amount as expected_spending,
    mart.spending_amount as mart_spending,
    expected.refund_amount as expected_refunds,
    mart.refund_amount as mart_refunds
from expected
full outer join {{ ref('fct_daily_spending_by_tag') }} as mart
    on
        expected.user_id = mart.user_id
        and expected.tag_id is not distinct from mart.tag_id
        and expected.spending_date = mart.spending_date
        and expected.currency = mart.currency
where
    expected.user_id is null or mart.user_id is null
    or expected.spending_amount <> mart.spending_amount
    or expected.refund_amount <> mart.refund_amount
    or mart.net_spending_amount <> expected.spending_amount - expected.refund_amount
    or expected.transaction_count <> mart.transaction_count
