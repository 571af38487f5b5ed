with transactions as (
    select * from {{ ref('int_transactions') }}
    {{ changed_users_only() }}
),

final as (
    select
        transaction_id,
        user_id,
        account_id,
        booking_date,
        value_date,
        amount,
        currency,
        description,
        counterparty,
        status,
        is_transfer,
        tag_ids,
        tag_names
    from transactions
)

select * from final
order by user_id, booking_date, transaction_id
