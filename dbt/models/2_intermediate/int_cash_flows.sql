-- The transactions that count as income or spending: booked, and not a transfer between the
-- user's own accounts (pending ones are not final; transfers only move money around).
select
    t.transaction_id,
    a.user_id,
    t.booking_date,
    t.currency,
    t.amount
from {{ ref('stg_transactions') }} t
join {{ ref('int_accounts') }} a using (account_id)
where t.status = 'booked' and t.transfer_id is null
