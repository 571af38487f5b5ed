-- A transaction counts in full under each of its tags; untagged ones under tag_id NULL.
with tagged as (
    select f.user_id, tt.tag_id, f.booking_date, f.currency, f.amount
    from {{ ref('int_cash_flows') }} f
    left join {{ ref('stg_transaction_tags') }} tt using (transaction_id)
),

daily as (
    select
        user_id,
        tag_id,
        booking_date as spending_date,
        currency,
        coalesce(sum(-amount) filter (where amount < 0), 0) as spending_amount,
        coalesce(sum(amount) filter (where amount > 0), 0) as refund_amount,
        count(*) as transaction_count
    from tagged
    group by all
)

select
    user_id,
    tag_id,
    spending_date,
    currency,
    spending_amount::decimal(18, 2) as spending_amount,
    refund_amount::decimal(18, 2) as refund_amount,
    (spending_amount - refund_amount)::decimal(18, 2) as net_spending_amount,
    transaction_count
from daily
order by user_id, spending_date, tag_id, currency
