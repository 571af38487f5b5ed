-- Every source transaction appears exactly once with its amount, status and tags unchanged. Reads the
-- rows this build wrote, on both sides (macros/incremental_by_user.sql).
with source_transactions as (
    select * from {{ source('app', 'transactions') }}
    where {{ changed_account('account_id') }}
),

source_transaction_tags as (
    select * from {{ source('app', 'transaction_tags') }}
    {%- if tests_read_written_rows() %}
    where transaction_id in (select source_transactions.id from source_transactions)
    {%- endif %}
),

transactions as (
    select * from {{ ref('fct_transactions') }}
    where {{ changed_user('user_id') }}
),

source_tags as (
    select
        transaction_id,
        list(tag_id order by tag_id) as tag_ids
    from source_transaction_tags
    group by all
)

select coalesce(source_transactions.id, mart.transaction_id) as transaction_id
from source_transactions
left join source_tags on source_transactions.id = source_tags.transaction_id
full outer join transactions as mart on source_transactions.id = mart.transaction_id
where
    source_transactions.id is null or mart.transaction_id is null
    or mart.amount <> source_transactions.amount or mart.status <> source_transactions.status
    or mart.is_transfer <> (source_transactions.transfer_id is not null)
    or list_sort(mart.tag_ids) <> coalesce(source_tags.tag_ids, []::uuid[])
    or len(mart.tag_ids) <> len(mart.tag_names)
