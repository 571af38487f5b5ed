-- Per user, month and currency, income and spending equal the source's booked, non-transfer
-- transactions to the cent, and net = income - spending.
with expected as (
    select c.user_id, date_trunc('month', t.booking_date)::date as month, t.currency::varchar as currency,
           coalesce(sum(t.amount) filter (where t.amount > 0), 0) as income,
           coalesce(sum(-t.amount) filter (where t.amount < 0), 0) as spending,
           count(*) as transaction_count
    from {{ source('app', 'transactions') }} t
    join {{ source('app', 'accounts') }} a on a.id = t.account_id
    join {{ source('app', 'bank_connections') }} c on c.id = a.connection_id
    where t.status = 'booked' and t.transfer_id is null
    group by all
)
select coalesce(e.user_id, m.user_id) as user_id, coalesce(e.month, m.month) as month,
       e.income as expected_income, m.income as mart_income,
       e.spending as expected_spending, m.spending as mart_spending
from expected e
full join {{ ref('fct_monthly_trends') }} m
    on m.user_id = e.user_id and m.month = e.month and m.currency = e.currency
where e.user_id is null or m.user_id is null
   or e.income <> m.income or e.spending <> m.spending
   or m.net <> e.income - e.spending
   or e.transaction_count <> m.transaction_count
