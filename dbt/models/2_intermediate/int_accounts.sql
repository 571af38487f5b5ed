-- Accounts with the user and institution they belong to (through their bank connection).
select
    a.account_id,
    c.user_id,
    a.connection_id,
    c.institution_id,
    i.institution_name,
    a.account_name,
    a.account_type,
    a.currency,
    a.opened_on,
    a.closed_on,
    c.connection_status
from {{ ref('stg_accounts') }} a
join {{ ref('stg_bank_connections') }} c using (connection_id)
join {{ ref('stg_institutions') }} i using (institution_id)
