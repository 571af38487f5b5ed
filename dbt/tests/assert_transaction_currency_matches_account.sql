-- A transaction is in its account's currency; per-currency aggregates and balances rely on it.
select t.transaction_id
from {{ ref('stg_transactions') }} t
join {{ ref('stg_accounts') }} a using (account_id)
where t.currency <> a.currency
