-- Both legs of a transfer between own accounts belong to the same user, share a currency and
-- cancel out; otherwise excluding transfers from income and spending would lose money.
select transfer_id
from {{ ref('stg_transactions') }} t
join {{ ref('int_accounts') }} a using (account_id)
where transfer_id is not null
group by transfer_id
having count(*) <> 2 or count(distinct a.user_id) <> 1 or count(distinct t.currency) <> 1 or sum(t.amount) <> 0
