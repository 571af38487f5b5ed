-- On every day the bank reported a balance, the history shows exactly that balance; each day's net
-- change equals the source's booked transactions of that day (pending ones excluded).
with reported as (
    select
        account_id,
        balance_date,
        amount
    from {{ source('app', 'balances') }}
),

booked as (
    select
        account_id,
        booking_date as balance_date,
        sum(amount) as net_change
    from {{ source('app', 'transactions') }}
    where status = 'booked'
    group by all
)

select
    balance_history.account_id,
    balance_history.balance_date,
    'reported balance differs' as problem
from {{ ref('fct_daily_balance_history') }} as balance_history
inner join reported using (account_id, balance_date)
where balance_history.balance <> reported.amount or not balance_history.is_reported
union all
select
    booked.account_id,
    booked.balance_date,
    'net change differs or day missing' as problem
from booked
left join {{ ref('fct_daily_balance_history') }} as balance_history using (account_id, balance_date)
where balance_history.net_change is distinct from booked.net_change
