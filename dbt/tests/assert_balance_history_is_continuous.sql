-- Every account has one row per day from its opening day on, with no gaps, and each day's balance
-- is the previous day's plus that day's net change. Reads the rows this build wrote
-- (macros/incremental_by_user.sql) and, for the accounts it extended, the previous as-of date's row
-- they run on from.
with balance_history as (
    select * from {{ ref('fct_daily_balance_history') }}
    where {{ changed_user('user_id') }} or {{ after_previous_as_of_date('balance_date + 1') }}
),

accounts as (
    select * from {{ ref('dim_accounts') }}
    where {{ changed_user('user_id') }}
),

ordered as (
    select
        account_id,
        balance_date,
        balance,
        net_change,
        lag(balance_date) over by_day as previous_date,
        lag(balance) over by_day as previous_balance
    from balance_history
    window by_day as (partition by account_id order by balance_date)
),

first_days as (
    select
        account_id,
        min(balance_date) as first_date
    from balance_history
    where {{ changed_user('user_id') }}
    group by all
)

select
    account_id,
    balance_date,
    'gap or broken chain' as problem
from ordered
where
    previous_date is not null
    and (balance_date <> previous_date + 1 or balance <> previous_balance + net_change)
union all
select
    accounts.account_id,
    accounts.opened_on,
    'does not start on the opening day' as problem
from accounts
left join first_days using (account_id)
where first_days.first_date is distinct from accounts.opened_on
