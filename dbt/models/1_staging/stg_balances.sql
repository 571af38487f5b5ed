select
    id as balance_id,
    account_id,
    balance_date,
    amount::decimal(18, 2) as amount,
    currency::varchar as currency
from {{ source('app', 'balances') }}
