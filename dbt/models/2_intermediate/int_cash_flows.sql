-- The transactions that count as income or spending: booked, and not a transfer between the
-- user's own accounts (pending ones are not final; transfers only move money around).
select
    transaction_id,
    user_id,
    booking_date,
    currency,
    amount
from {{ ref('int_transactions') }}
where status = 'booked' and not is_transfer
