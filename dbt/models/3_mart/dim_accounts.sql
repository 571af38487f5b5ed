select
    account_id,
    user_id,
    connection_id,
    institution_id,
    institution_name,
    account_name,
    account_type,
    currency,
    opened_on,
    closed_on,
    connection_status
from {{ ref('int_accounts') }}
order by user_id, opened_on, account_id
