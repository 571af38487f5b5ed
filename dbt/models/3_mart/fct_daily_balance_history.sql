-- One row per account per day from its opening day to the as-of date (or its closing day), no gaps.
-- The earliest bank-reported balance anchors the series; booked transactions (pending ones are
-- not final, transfers are) move it day by day: balance(d) = balance(d-1) + net_change(d).
with days as (
    select
        a.account_id,
        a.user_id,
        a.currency,
        unnest(generate_series(a.opened_on, least(coalesce(a.closed_on, d.as_of_date), d.as_of_date), interval 1 day))::date as balance_date
    from {{ ref('int_accounts') }} a
    cross join {{ ref('int_as_of_date') }} d
),

booked as (
    select account_id, booking_date as balance_date, sum(amount) as net_change
    from {{ ref('stg_transactions') }}
    where status = 'booked'
    group by all
),

anchors as (
    select account_id, balance_date as anchor_date, amount as anchor_amount
    from {{ ref('stg_balances') }}
    qualify row_number() over (partition by account_id order by balance_date) = 1
),

opening as (
    select
        a.account_id,
        a.anchor_amount - coalesce(sum(b.net_change), 0) as opening_balance
    from anchors a
    left join booked b on b.account_id = a.account_id and b.balance_date <= a.anchor_date
    group by a.account_id, a.anchor_amount
),

reported as (
    select distinct account_id, balance_date from {{ ref('stg_balances') }}
),

daily as (
    select
        d.account_id,
        d.user_id,
        d.balance_date,
        d.currency,
        coalesce(o.opening_balance, 0)
            + sum(coalesce(b.net_change, 0)) over (partition by d.account_id order by d.balance_date) as balance,
        coalesce(b.net_change, 0) as net_change,
        r.account_id is not null as is_reported
    from days d
    left join booked b using (account_id, balance_date)
    left join opening o using (account_id)
    left join reported r using (account_id, balance_date)
)

select
    account_id,
    user_id,
    balance_date,
    currency,
    balance::decimal(18, 2) as balance,
    net_change::decimal(18, 2) as net_change,
    is_reported
from daily
order by user_id, balance_date, account_id
