-- A transaction may only carry tags its owner defined.
select tt.transaction_id, tt.tag_id
from {{ ref('stg_transaction_tags') }} tt
join {{ ref('stg_transactions') }} t on t.transaction_id = tt.transaction_id
join {{ ref('int_accounts') }} a on a.account_id = t.account_id
join {{ ref('stg_tags') }} g on g.tag_id = tt.tag_id
where g.user_id <> a.user_id
