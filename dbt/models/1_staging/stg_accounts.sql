with source as (
    select * from {{ source('app', 'accounts') }}
),

renamed as (
    select
        id as account_id,
        connection_id,
        name::varchar as account_name,
        account_type::varchar as account_type,
        currency::varchar as currency,
        opened_on,
        closed_on
    from source
)

select * from renamed
