with source as (
    select * from {{ source('app', 'balances') }}
),

renamed as (
    select
        id as balance_id,
        account_id,
        balance_date,
        amount::decimal(18, 2) as amount,
        currency::varchar as currency
    from source
)

select * from renamed
