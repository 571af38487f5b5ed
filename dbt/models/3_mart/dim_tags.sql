with tags as (
    select * from {{ ref('stg_tags') }}
    {{ changed_users_only() }}
),

final as (
    select
        tag_id,
        user_id,
        tag_name,
        color,
        created_at
    from tags
)

select * from final
order by user_id, tag_name, tag_id
