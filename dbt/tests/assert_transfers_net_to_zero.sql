-- Both legs of a transfer between own accounts belong to the same user, share a currency and
-- cancel out; otherwise excluding transfers from income and spending would lose money.
select transactions.transfer_id
from {{ ref('stg_transactions') }} as transactions
inner join {{ ref('int_accounts') }} as accounts using (account_id)
where transactions.transfer_id is not null
group by transactions.transfer_id
having
    count(*) <> 2
    or count(distinct accounts.user_id) <> 1
    or count(distinct transactions.currency) <> 1
    or sum(transactions.amount) <> 0
