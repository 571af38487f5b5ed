-- A transaction counts in full under each of its tags; untagged ones under tag_id NULL.
with cash_flows as (
    select * from {{ ref('int_cash_flows') }}
    {{ changed_users_only() }}
),

transaction_tags as (
    select * from {{ ref('stg_transaction_tags') }}
),

tagged as (
    select
        cash_flows.user_id,
        transaction_tags.tag_id,
        cash_flows.booking_date,
        cash_flows.currency,
        cash_flows.amount
    from cash_flows
    left join transaction_tags using (transaction_id)
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
),

final as (
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
)

select * from final
order by user_id, spending_date, tag_id, currency
