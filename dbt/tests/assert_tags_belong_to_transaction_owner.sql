-- A transaction may only carry tags its owner defined. Written as an anti-join on (tag, owner):
-- a `tag.user_id <> account.user_id` predicate invites the planner to pair every tag with every
-- account, which at ten million transactions spills tens of gigabytes.
select
    transaction_tags.transaction_id,
    transaction_tags.tag_id
from {{ ref('stg_transaction_tags') }} as transaction_tags
inner join {{ ref('stg_transactions') }} as transactions
    on transaction_tags.transaction_id = transactions.transaction_id
inner join {{ ref('int_accounts') }} as accounts on transactions.account_id = accounts.account_id
where not exists (
    select 1 from {{ ref('stg_tags') }} as tags
    where tags.tag_id = transaction_tags.tag_id and tags.user_id = accounts.user_id
)
