-- Per user, tag, day and currency, the mart's spending and refunds equal the source's booked,
-- non-transfer transactions to the cent (computed here straight from the source tables).
with source_rows as (
    select c.user_id, tt.tag_id, t.booking_date, t.currency, t.amount
    from {{ source('app', 'transactions') }} t
    join {{ source('app', 'accounts') }} a on a.id = t.account_id
    join {{ source('app', 'bank_connections') }} c on c.id = a.connection_id
    left join {{ source('app', 'transaction_tags') }} tt on tt.transaction_id = t.id
    where t.status = 'booked' and t.transfer_id is null
),
expected as (
    select user_id, tag_id, booking_date as spending_date, currency::varchar as currency,
           coalesce(sum(-amount) filter (where amount < 0), 0) as spending_amount,
           coalesce(sum(amount) filter (where amount > 0), 0) as refund_amount,
           count(*) as transaction_count
    from source_rows
    group by all
)
select coalesce(e.user_id, m.user_id) as user_id, coalesce(e.tag_id, m.tag_id) as tag_id,
       coalesce(e.spending_date, m.spending_date) as spending_date,
       e.spending_amount as expected_spending, m.spending_amount as mart_spending,
       e.refund_amount as expected_refunds, m.refund_amount as mart_refunds
from expected e
full join {{ ref('fct_daily_spending_by_tag') }} m
    on m.user_id = e.user_id and m.tag_id is not distinct from e.tag_id
   and m.spending_date = e.spending_date and m.currency = e.currency
where e.user_id is null or m.user_id is null
   or e.spending_amount <> m.spending_amount
   or e.refund_amount <> m.refund_amount
   or m.net_spending_amount <> e.spending_amount - e.refund_amount
   or e.transaction_count <> m.transaction_count
