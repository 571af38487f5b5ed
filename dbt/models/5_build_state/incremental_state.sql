-- What the next incremental build diffs against: each user's source fingerprint and this build's
-- as-of date. Built after every mart (depends_on below), so the previous build's state stays readable
-- until they are done. Not a dataset: the gateway never serves it.
-- depends_on: {{ ref('dim_accounts') }}
-- depends_on: {{ ref('dim_tags') }}
-- depends_on: {{ ref('fct_transactions') }}
-- depends_on: {{ ref('fct_daily_spending_by_tag') }}
-- depends_on: {{ ref('fct_daily_balance_history') }}
-- depends_on: {{ ref('fct_monthly_trends') }}
with fingerprints as (
    select * from {{ ref('int_user_fingerprints') }}
),

as_of_date as (
    select * from {{ ref('int_as_of_date') }}
),

final as (
    select
        fingerprints.user_id,
        fingerprints.fingerprint,
        as_of_date.as_of_date
    from fingerprints
    cross join as_of_date
)

select * from final
order by user_id
