-- Every account has one row per day from its opening day on, with no gaps, and each day's balance
-- is the previous day's plus that day's net change.
with ordered as (
    select account_id, balance_date, balance, net_change,
           lag(balance_date) over w as previous_date,
           lag(balance) over w as previous_balance
    from {{ ref('fct_daily_balance_history') }}
    window w as (partition by account_id order by balance_date)
)
select account_id, balance_date, 'gap or broken chain' as problem
from ordered
where previous_date is not null
  and (balance_date <> previous_date + 1 or balance <> previous_balance + net_change)
union all
select a.account_id, a.opened_on, 'does not start on the opening day'
from {{ ref('dim_accounts') }} a
left join (
    select account_id, min(balance_date) as first_date from {{ ref('fct_daily_balance_history') }} group by all
) h using (account_id)
where h.first_date is distinct from a.opened_on
