-- Transactions with their owner, whether they move money between the owner's own accounts, and
-- their tags (lists ordered by tag name; empty when untagged). Read by fct_transactions only: in an
-- incremental build it holds the changed users' transactions, so their tag lists alone are built.
with accounts as (
    select * from {{ ref('int_accounts') }}
    {{ changed_users_only_when_diffed() }}
),

transactions as (
    select * from {{ ref('stg_transactions') }}
),

owned_transactions as (
    select
        transactions.*,
        accounts.user_id
    from transactions
    inner join accounts using (account_id)
),

transaction_tags as (
    select * from {{ ref('stg_transaction_tags') }}
    {%- if previous_build_state() %}
    where transaction_id in (select owned_transactions.transaction_id from owned_transactions)
    {%- endif %}
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
        owned_transactions.transaction_id,
        owned_transactions.user_id,
        owned_transactions.account_id,
        owned_transactions.booking_date,
        owned_transactions.value_date,
        owned_transactions.amount,
        owned_transactions.currency,
        owned_transactions.description,
        owned_transactions.counterparty,
        owned_transactions.status,
        owned_transactions.transfer_id is not null as is_transfer,
        coalesce(tag_lists.tag_ids, []::uuid[]) as tag_ids,
        coalesce(tag_lists.tag_names, []::varchar[]) as tag_names
    from owned_transactions
    left join tag_lists using (transaction_id)
)

select * from final
