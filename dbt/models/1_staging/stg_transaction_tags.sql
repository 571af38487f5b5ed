with source as (
    select * from {{ source('app', 'transaction_tags') }}
),

renamed as (
    select
        transaction_id,
        tag_id
    from source
)

select * from renamed
