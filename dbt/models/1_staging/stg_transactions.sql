with source as (
    select * from {{ source('app', 'transactions') }}
),

renamed as (
    select
        id as transaction_id,
        account_id,
        booking_date,
        value_date,
        amount::decimal(18, 2) as amount,
        currency::varchar as currency,
        description::varchar as description,
        counterparty::varchar as counterparty,
        status::varchar as status,
        transfer_id
    from source
)

select * from renamed
