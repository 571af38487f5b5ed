-- A transaction may only carry tags its owner defined. Written as an anti-join on (tag, owner):
-- a `tag.user_id <> account.user_id` predicate invites the planner to pair every tag with every
-- account, which at ten million transactions spills tens of gigabytes.
select tt.transaction_id, tt.tag_id
from {{ ref('stg_transaction_tags') }} tt
join {{ ref('stg_transactions') }} t on t.transaction_id = tt.transaction_id
join {{ ref('int_accounts') }} a on a.account_id = t.account_id
where not exists (
    select 1 from {{ ref('stg_tags') }} g
    where g.tag_id = tt.tag_id and g.user_id = a.user_id
)
