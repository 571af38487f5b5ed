-- Accounts with the user and institution they belong to (through their bank connection).
with accounts as (
    select * from {{ ref('stg_accounts') }}
),

bank_connections as (
    select * from {{ ref('stg_bank_connections') }}
),

institutions as (
    select * from {{ ref('stg_institutions') }}
),

final as (
    select
        accounts.account_id,
        bank_connections.user_id,
        accounts.connection_id,
        bank_connections.institution_id,
        institutions.institution_name,
        accounts.account_name,
        accounts.account_type,
        accounts.currency,
        accounts.opened_on,
        accounts.closed_on,
        bank_connections.connection_status
    from accounts
    inner join bank_connections using (connection_id)
    inner join institutions using (institution_id)
)

select * from final
