-- Transactions with their owner, whether they move money between the owner's own accounts, and
-- their tags (lists ordered by tag name; empty when untagged).
with transactions as (
    select * from {{ ref('stg_transactions') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

transaction_tags as (
    select * from {{ ref('stg_transaction_tags') }}
),

tags as (
    select * from {{ ref('stg_tags') }}
),

-- Sorting one list of (name, id) structs is several times faster in DuckDB than two ordered aggregates.
sorted_tags as (
    select
        transaction_tags.transaction_id,
        list_sort(list({ 'name': tags.tag_name, 'id': transaction_tags.tag_id })) as tags
    from transaction_tags
    inner join tags using (tag_id)
    group by transaction_tags.transaction_id
),

tag_lists as (
    select
        transaction_id,
        list_transform(tags, tag -> tag.id) as tag_ids,
        list_transform(tags, tag -> tag.name) as tag_names
    from sorted_tags
),

final as (
    select
        transactions.transaction_id,
        accounts.user_id,
        transactions.account_id,
        transactions.booking_date,
        transactions.value_date,
        transactions.amount,
        transactions.currency,
        transactions.description,
        transactions.counterparty,
        transactions.status,
        transactions.transfer_id is not null as is_transfer,
        coalesce(tag_lists.tag_ids, []::uuid[]) as tag_ids,
        coalesce(tag_lists.tag_names, []::varchar[]) as tag_names
    from transactions
    inner join accounts using (account_id)
    left join tag_lists using (transaction_id)
)

select * from final
