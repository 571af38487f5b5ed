-- The users whose mart rows an incremental build deletes and selects again: every user whose
-- fingerprint differs from the previous build's (new, changed or gone from the source), and users
-- with an account that opens between the previous and this as-of date (it has no history yet to
-- extend). Without a previous build: every user.
-- depends_on: {{ ref('int_accounts') }}
-- depends_on: {{ ref('int_as_of_date') }}
{{ config(materialized='table') }}

{%- set previous_state = previous_build_state() %}

with fingerprints as (
    select * from {{ ref('int_user_fingerprints') }}
),

{% if previous_state %}
previous_state as (
    select * from {{ previous_state }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

as_of_date as (
    select * from {{ ref('int_as_of_date') }}
),

changed as (
    select coalesce(fingerprints.user_id, previous_state.user_id) as user_id
    from fingerprints
    full outer join previous_state on fingerprints.user_id = previous_state.user_id
    where fingerprints.fingerprint is distinct from previous_state.fingerprint
),

opening_since as (
    select accounts.user_id
    from accounts
    cross join as_of_date
    where
        accounts.opened_on > (select max(previous_state.as_of_date) from previous_state)
        and accounts.opened_on <= as_of_date.as_of_date
),

final as (
    select user_id from changed
    union
    select user_id from opening_since
)
{% else %}
final as (
    select user_id from fingerprints
)
{% endif %}

select * from final
