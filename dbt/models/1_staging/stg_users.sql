with source as (
    select * from {{ source('app', 'users') }}
),

renamed as (
    select
        id as user_id,
        email::varchar as email,
        display_name::varchar as display_name,
        base_currency::varchar as base_currency,
        timezone('UTC', created_at) as created_at
    from source
)

select * from renamed
