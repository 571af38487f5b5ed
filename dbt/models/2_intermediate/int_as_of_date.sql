-- The day the snapshot describes: var('as_of_date') when given, else the latest day in the source.
{% if var('as_of_date') %}
with final as (
    select date '{{ var("as_of_date") }}' as as_of_date
)
{% else %}
with transactions as (
    select * from {{ ref('stg_transactions') }}
),

balances as (
    select * from {{ ref('stg_balances') }}
),

final as (
    select
        greatest(
            (select max(booking_date) from transactions),
            (select max(balance_date) from balances)
        ) as as_of_date
)
{% endif %}

select * from final
