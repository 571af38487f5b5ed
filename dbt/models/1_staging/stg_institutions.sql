with source as (
    select * from {{ source('app', 'institutions') }}
),

renamed as (
    select
        id as institution_id,
        name::varchar as institution_name,
        country::varchar as country,
        bic::varchar as bic
    from source
)

select * from renamed
