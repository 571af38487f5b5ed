with source as (
    select * from {{ source('app', 'bank_connections') }}
),

renamed as (
    select
        id as connection_id,
        user_id,
        institution_id,
        status::varchar as connection_status,
        timezone('UTC', created_at) as created_at
    from source
)

select * from renamed
