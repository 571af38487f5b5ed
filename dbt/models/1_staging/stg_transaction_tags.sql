select
    transaction_id,
    tag_id
from {{ source('app', 'transaction_tags') }}
