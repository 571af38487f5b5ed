with source as (
    select * from {{ source('app', 'tags') }}
),

renamed as (
    select
        id as tag_id,
        user_id,
        name::varchar as tag_name,
        color::varchar as color,
        timezone('UTC', created_at) as created_at
    from source
)

select * from renamed
