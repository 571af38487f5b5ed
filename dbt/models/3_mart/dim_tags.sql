select
    tag_id,
    user_id,
    tag_name,
    color,
    created_at
from {{ ref('stg_tags') }}
order by user_id, tag_name, tag_id
