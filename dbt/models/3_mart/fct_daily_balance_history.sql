-- One row per account per day from its opening day to the as-of date (or its closing day), no gaps.
-- The earliest bank-reported balance anchors the series; booked transactions (pending ones are
-- not final, transfers are) move it day by day: balance(d) = balance(d-1) + net_change(d).
{{ config(pre_hook="{{ delete_days_after_as_of_date() }}") }}

with accounts as (
    select * from {{ ref('int_accounts') }}
    {{ changed_users_only() }}
),

as_of_date as (
    select * from {{ ref('int_as_of_date') }}
),

transactions as (
    select * from {{ ref('stg_transactions') }}
),

-- Read twice (anchors, reported): not materialized, so each reading scans only what it needs.
balances as not materialized (
    select * from {{ ref('stg_balances') }}
),

days as (
    select
        accounts.account_id,
        accounts.user_id,
        accounts.currency,
        unnest(generate_series(
            accounts.opened_on,
            least(coalesce(accounts.closed_on, as_of_date.as_of_date), as_of_date.as_of_date),
            interval 1 day
        ))::date as balance_date
    from accounts
    cross join as_of_date
),

-- Built incrementally, the accounts above are the changed users': their history from the first day needs
-- only their own transactions and balances.
account_transactions as (
    select * from transactions
    {%- if is_incremental() %}
    where account_id in (select accounts.account_id from accounts)
    {%- endif %}
),

account_balances as not materialized (
    select * from balances
    {%- if is_incremental() %}
    where account_id in (select accounts.account_id from accounts)
    {%- endif %}
),

booked as (
    select
        account_id,
        booking_date as balance_date,
        sum(amount) as net_change
    from account_transactions
    where status = 'booked'
    group by all
),

anchors as (
    select
        account_id,
        balance_date as anchor_date,
        amount as anchor_amount
    from account_balances
    qualify row_number() over (partition by account_id order by balance_date) = 1
),

opening as (
    select
        anchors.account_id,
        anchors.anchor_amount - coalesce(sum(booked.net_change), 0) as opening_balance
    from anchors
    left join booked
        on anchors.account_id = booked.account_id and anchors.anchor_date >= booked.balance_date
    group by anchors.account_id, anchors.anchor_amount
),

reported as (
    select distinct
        account_id,
        balance_date
    from account_balances
),

daily as (
    select
        days.account_id,
        days.user_id,
        days.balance_date,
        days.currency,
        coalesce(opening.opening_balance, 0)
        + sum(coalesce(booked.net_change, 0)) over (partition by days.account_id order by days.balance_date)
            as balance,
        coalesce(booked.net_change, 0) as net_change,
        reported.account_id is not null as is_reported
    from days
    left join booked using (account_id, balance_date)
    left join opening using (account_id)
    left join reported using (account_id, balance_date)
),

final as (
    select
        account_id,
        user_id,
        balance_date,
        currency,
        balance::decimal(18, 2) as balance,
        net_change::decimal(18, 2) as net_change,
        is_reported
    from daily
){% if is_incremental() and previous_build_state() %},

-- Built incrementally, the rows above are the changed users' only. The other users keep theirs up to
-- the previous as-of date (the pre-hooks removed any past this one), and each account still open on
-- that day runs on from its balance then, by the same rule: balance(d) = balance(d-1) + net_change(d).
previous_as_of_date as (
    select max(as_of_date) as as_of_date from {{ previous_build_state() }}
),

all_accounts as (
    select * from {{ ref('int_accounts') }}
),

previous_last_days as (
    select
        history.account_id,
        history.user_id,
        history.currency,
        history.balance as previous_balance
    from {{ this }} as history
    inner join previous_as_of_date on history.balance_date = previous_as_of_date.as_of_date
),

extension_days as (
    select
        previous_last_days.account_id,
        previous_last_days.user_id,
        previous_last_days.currency,
        previous_last_days.previous_balance,
        unnest(generate_series(
            previous_as_of_date.as_of_date + 1,
            least(coalesce(all_accounts.closed_on, as_of_date.as_of_date), as_of_date.as_of_date),
            interval 1 day
        ))::date as balance_date
    from previous_last_days
    inner join all_accounts using (account_id)
    cross join previous_as_of_date
    cross join as_of_date
),

booked_since as (
    select
        account_id,
        booking_date as balance_date,
        sum(amount) as net_change
    from transactions
    where status = 'booked' and booking_date > (select previous_as_of_date.as_of_date from previous_as_of_date)
    group by all
),

reported_since as (
    select distinct
        account_id,
        balance_date
    from balances
    where balance_date > (select previous_as_of_date.as_of_date from previous_as_of_date)
),

extended as (
    select
        extension_days.account_id,
        extension_days.user_id,
        extension_days.balance_date,
        extension_days.currency,
        (
            extension_days.previous_balance
            + sum(coalesce(booked_since.net_change, 0))
                over (partition by extension_days.account_id order by extension_days.balance_date)
        )::decimal(18, 2) as balance,
        coalesce(booked_since.net_change, 0)::decimal(18, 2) as net_change,
        reported_since.account_id is not null as is_reported
    from extension_days
    left join booked_since using (account_id, balance_date)
    left join reported_since using (account_id, balance_date)
),

rebuilt_and_extended as (
    select * from final
    union all
    select * from extended
)

select * from rebuilt_and_extended
{% else %}

select * from final
{% endif %}
order by user_id, balance_date, account_id
