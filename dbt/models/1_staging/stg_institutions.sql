select
    id as institution_id,
    name::varchar as institution_name,
    country::varchar as country,
    bic::varchar as bic
from {{ source('app', 'institutions') }}
