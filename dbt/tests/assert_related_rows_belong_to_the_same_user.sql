-- Nested fields join marts on account and tag ids: the related row must belong to the same user,
-- or a user could reach another user's data through a relation. Reads the rows this build wrote
-- (macros/incremental_by_user.sql); a kept row and its related row were checked when they were
-- published, and both still belong to an unchanged user.
with transactions as (
    select * from {{ ref('fct_transactions') }}
    where {{ changed_user('user_id') }}
),

balance_history as (
    select * from {{ ref('fct_daily_balance_history') }}
    where {{ changed_user('user_id') }} or {{ after_previous_as_of_date('balance_date') }}
),

daily_spending_by_tag as (
    select * from {{ ref('fct_daily_spending_by_tag') }}
    where {{ changed_user('user_id') }}
),

transaction_tag_ids as (
    select
        transaction_id,
        user_id,
        unnest(tag_ids) as tag_id
    from transactions
)

select
    'transaction account' as relation,
    transactions.transaction_id as id
from transactions
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
from balance_history
inner join {{ ref('dim_accounts') }} as accounts using (account_id)
where accounts.user_id <> balance_history.user_id
union all
select
    'spending tag' as relation,
    daily_spending_by_tag.tag_id as id
from daily_spending_by_tag
inner join {{ ref('dim_tags') }} as tags using (tag_id)
where tags.user_id <> daily_spending_by_tag.user_id
