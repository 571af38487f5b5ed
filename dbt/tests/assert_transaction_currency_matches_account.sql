-- A transaction is in its account's currency; per-currency aggregates and balances rely on it.
select transactions.transaction_id
from {{ ref('stg_transactions') }} as transactions
inner join {{ ref('stg_accounts') }} as accounts using (account_id)
where transactions.currency <> accounts.currency
