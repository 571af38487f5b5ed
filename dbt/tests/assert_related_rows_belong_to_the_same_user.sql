-- Nested fields join marts on account and tag ids: the related row must belong to the same user,
-- or a user could reach another user's data through a relation.
select 'transaction account' as relation, f.transaction_id as id
from {{ ref('fct_transactions') }} f
join {{ ref('dim_accounts') }} a using (account_id)
where a.user_id <> f.user_id
union all
select 'transaction tag', f.transaction_id
from (select transaction_id, user_id, unnest(tag_ids) as tag_id from {{ ref('fct_transactions') }}) f
join {{ ref('dim_tags') }} t using (tag_id)
where t.user_id <> f.user_id
union all
select 'balance account', h.account_id
from {{ ref('fct_daily_balance_history') }} h
join {{ ref('dim_accounts') }} a using (account_id)
where a.user_id <> h.user_id
union all
select 'spending tag', s.tag_id
from {{ ref('fct_daily_spending_by_tag') }} s
join {{ ref('dim_tags') }} t using (tag_id)
where t.user_id <> s.user_id
