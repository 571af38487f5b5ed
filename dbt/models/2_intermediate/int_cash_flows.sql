-- The transactions that count as income or spending: booked, and not a transfer between the
-- user's own accounts (pending ones are not final; transfers only move money around).
with transactions as (
    select * from {{ ref('stg_transactions') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

final as (
    select
        transactions.transaction_id,
        accounts.user_id,
        transactions.booking_date,
        transactions.currency,
        transactions.amount
    from transactions
    inner join accounts using (account_id)
    where transactions.status = 'booked' and transactions.transfer_id is null
)

select * from final
