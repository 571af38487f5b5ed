-- The day the snapshot describes: var('as_of_date') when given, else the latest day in the source.
{% if var('as_of_date') %}
select date '{{ var("as_of_date") }}' as as_of_date
{% else %}
select greatest(
    (select max(booking_date) from {{ ref('stg_transactions') }}),
    (select max(balance_date) from {{ ref('stg_balances') }})
) as as_of_date
{% endif %}
