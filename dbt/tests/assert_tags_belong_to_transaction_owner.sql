-- A transaction may only carry tags its owner defined.
select tt.transaction_id, tt.tag_id
from {{ ref('stg_transaction_tags') }} tt
join {{ ref('int_transactions') }} t using (transaction_id)
join {{ ref('stg_tags') }} g using (tag_id)
where g.user_id <> t.user_id
