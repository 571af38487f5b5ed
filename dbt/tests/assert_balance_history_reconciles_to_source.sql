-- On every day the bank reported a balance, the history shows exactly that balance; each day's net
-- change equals the source's booked transactions of that day (pending ones excluded).
with reported as (
    select account_id, balance_date, amount from {{ source('app', 'balances') }}
),
booked as (
    select account_id, booking_date as balance_date, sum(amount) as net_change
    from {{ source('app', 'transactions') }}
    where status = 'booked'
    group by all
)
select h.account_id, h.balance_date, 'reported balance differs' as problem
from {{ ref('fct_daily_balance_history') }} h
join reported r using (account_id, balance_date)
where h.balance <> r.amount or not h.is_reported
union all
select b.account_id, b.balance_date, 'net change differs or day missing'
from booked b
left join {{ ref('fct_daily_balance_history') }} h using (account_id, balance_date)
where h.net_change is distinct from b.net_change
