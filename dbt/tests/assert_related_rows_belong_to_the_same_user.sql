-- Nested fields join marts on account and tag ids: the related row must belong to the same user,
-- or a user could reach another user's data through a relation.
with transaction_tag_ids as (
    select
        transaction_id,
        user_id,
        unnest(tag_ids) as tag_id
    from {{ ref('fct_transactions') }}
)

select
    'transaction account' as relation,
    transactions.transaction_id as id
from {{ ref('fct_transactions') }} as transactions
inner join {{ ref('dim_accounts') }} as accounts using (account_id)
where accounts.user_id <> transactions.user_id
union all
select
    'transaction tag' as relation,
    transaction_tag_ids.transaction_id as id
from transaction_tag_ids
inner join {{ ref('dim_tags') }} as tags using (tag_id)
where tags.user_id <> transaction_tag_ids.user_id
union all
select
    'balance account' as relation,
    balance_history.account_id as id
from {{ ref('fct_daily_balance_history') }} as balance_history
inner join {{ ref('dim_accounts') }} as accounts using (account_id)
where accounts.user_id <> balance_history.user_id
union all
select
    'spending tag' as relation,
    spending.tag_id as id
from {{ ref('fct_daily_spending_by_tag') }} as spending
inner join {{ ref('dim_tags') }} as tags using (tag_id)
where tags.user_id <> spending.user_id
