-- Transactions with their owner, whether they move money between the owner's own accounts, and
-- their tags (lists ordered by tag name; empty when untagged).
with tag_lists as (
    select
        tt.transaction_id,
        list(tt.tag_id order by t.tag_name, tt.tag_id) as tag_ids,
        list(t.tag_name order by t.tag_name, tt.tag_id) as tag_names
    from {{ ref('stg_transaction_tags') }} tt
    join {{ ref('stg_tags') }} t using (tag_id)
    group by tt.transaction_id
)

select
    t.transaction_id,
    a.user_id,
    t.account_id,
    t.booking_date,
    t.value_date,
    t.amount,
    t.currency,
    t.description,
    t.counterparty,
    t.status,
    t.transfer_id is not null as is_transfer,
    coalesce(l.tag_ids, []::uuid[]) as tag_ids,
    coalesce(l.tag_names, []::varchar[]) as tag_names
from {{ ref('stg_transactions') }} t
join {{ ref('int_accounts') }} a using (account_id)
left join tag_lists l using (transaction_id)
