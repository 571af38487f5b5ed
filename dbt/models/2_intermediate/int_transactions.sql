-- Transactions with their owner, whether they move money between the owner's own accounts, and
-- their tags (lists ordered by tag name; empty when untagged).
-- Sorting one list of (name, id) structs is several times faster in DuckDB than two ordered aggregates.
with sorted_tags as (
    select
        tt.transaction_id,
        list_sort(list({'name': t.tag_name, 'id': tt.tag_id})) as tags
    from {{ ref('stg_transaction_tags') }} tt
    join {{ ref('stg_tags') }} t using (tag_id)
    group by tt.transaction_id
),

tag_lists as (
    select
        transaction_id,
        list_transform(tags, tag -> tag.id) as tag_ids,
        list_transform(tags, tag -> tag.name) as tag_names
    from sorted_tags
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
