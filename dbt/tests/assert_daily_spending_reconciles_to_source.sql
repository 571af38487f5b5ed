-- Per user, tag, day and currency, the mart's spending and refunds equal the source's booked,
-- non-transfer transactions to the cent (computed here straight from the source tables). Reads the
-- rows this build wrote, on both sides (macros/incremental_by_user.sql).
with source_transactions as (
    select * from {{ source('app', 'transactions') }}
    where
        status = 'booked' and transfer_id is null
        and {{ changed_account('account_id') }}
),

source_transaction_tags as (
    select * from {{ source('app', 'transaction_tags') }}
    {%- if tests_read_written_rows() %}
    where transaction_id in (select source_transactions.id from source_transactions)
    {%- endif %}
),

daily_spending_by_tag as (
    select * from {{ ref('fct_daily_spending_by_tag') }}
    where {{ changed_user('user_id') }}
),

source_rows as (
    select
        bank_connections.user_id,
        source_transaction_tags.tag_id,
        source_transactions.booking_date,
        source_transactions.currency,
        source_transactions.amount
    from source_transactions
    inner join {{ source('app', 'accounts') }} as accounts on source_transactions.account_id = accounts.id
    inner join {{ source('app', 'bank_connections') }} as bank_connections
        on accounts.connection_id = bank_connections.id
    left join source_transaction_tags
        on source_transactions.id = source_transaction_tags.transaction_id
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
full outer join daily_spending_by_tag as mart
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
