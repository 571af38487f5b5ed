-- On every day the bank reported a balance, the history shows exactly that balance; each day's net
-- change equals the source's booked transactions of that day (pending ones excluded). Reads the rows
-- this build wrote, on both sides: the changed users' accounts and the days past the previous as-of
-- date (macros/incremental_by_user.sql).
with balance_history as (
    select * from {{ ref('fct_daily_balance_history') }}
    where {{ changed_user('user_id') }} or {{ after_previous_as_of_date('balance_date') }}
),

reported as (
    select
        account_id,
        balance_date,
        amount
    from {{ source('app', 'balances') }}
    where {{ changed_account('account_id') }} or {{ after_previous_as_of_date('balance_date') }}
),

booked as (
    select
        account_id,
        booking_date as balance_date,
        sum(amount) as net_change
    from {{ source('app', 'transactions') }}
    where
        status = 'booked'
        and ({{ changed_account('account_id') }} or {{ after_previous_as_of_date('booking_date') }})
    group by all
)

select
    balance_history.account_id,
    balance_history.balance_date,
    'reported balance differs' as problem
from balance_history
inner join reported using (account_id, balance_date)
where balance_history.balance <> reported.amount or not balance_history.is_reported
union all
select
    booked.account_id,
    booked.balance_date,
    'net change differs or day missing' as problem
from booked
left join balance_history using (account_id, balance_date)
where balance_history.net_change is distinct from booked.net_change
