with cash_flows as (
    select * from {{ ref('int_cash_flows') }}
    {{ changed_users_only() }}
),

monthly as (
    select
        user_id,
        date_trunc('month', booking_date)::date as month,
        currency,
        coalesce(sum(amount) filter (where amount > 0), 0) as income,
        coalesce(sum(-amount) filter (where amount < 0), 0) as spending,
        count(*) as transaction_count
    from cash_flows
    group by all
),

final as (
    select
        user_id,
        month,
        currency,
        income::decimal(18, 2) as income,
        spending::decimal(18, 2) as spending,
        (income - spending)::decimal(18, 2) as net,
        transaction_count
    from monthly
)

select * from final
order by user_id, month, currency
