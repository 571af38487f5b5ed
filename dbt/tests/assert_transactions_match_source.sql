-- Every source transaction appears exactly once with its amount, status and tags unchanged.
with source_tags as (
    select transaction_id, list(tag_id order by tag_id) as tag_ids
    from {{ source('app', 'transaction_tags') }}
    group by all
)
select coalesce(t.id, f.transaction_id) as transaction_id
from {{ source('app', 'transactions') }} t
left join source_tags s on s.transaction_id = t.id
full join {{ ref('fct_transactions') }} f on f.transaction_id = t.id
where t.id is null or f.transaction_id is null
   or f.amount <> t.amount or f.status <> t.status
   or f.is_transfer <> (t.transfer_id is not null)
   or list_sort(f.tag_ids) <> coalesce(s.tag_ids, []::uuid[])
   or len(f.tag_ids) <> len(f.tag_names)
