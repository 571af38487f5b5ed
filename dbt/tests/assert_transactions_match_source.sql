-- Every source transaction appears exactly once with its amount, status and tags unchanged.
with source_tags as (
    select
        transaction_id,
        list(tag_id order by tag_id) as tag_ids
    from {{ source('app', 'transaction_tags') }}
    group by all
)

select coalesce(transactions.id, mart.transaction_id) as transaction_id
from {{ source('app', 'transactions') }} as transactions
left join source_tags on transactions.id = source_tags.transaction_id
full outer join {{ ref('fct_transactions') }} as mart on transactions.id = mart.transaction_id
where
    transactions.id is null or mart.transaction_id is null
    or mart.amount <> transactions.amount or mart.status <> transactions.status
    or mart.is_transfer <> (transactions.transfer_id is not null)
    or list_sort(mart.tag_ids) <> coalesce(source_tags.tag_ids, []::uuid[])
    or len(mart.tag_ids) <> len(mart.tag_names)
