with accounts as (
    select * from {{ ref('int_accounts') }}
    {{ changed_users_only() }}
),

final as (
    select
        account_id,
        user_id,
        connection_id,
        institution_id,
        institution_name,
        account_name,
        account_type,
        currency,
        opened_on,
        closed_on,
        connection_status
    from accounts
)

select * from final
order by user_id, opened_on, account_id
