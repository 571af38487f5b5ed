{#- Incremental builds by user. A build that starts from a copy of the previous snapshot rebuilds only
    the rows of the users whose source rows changed since (int_changed_users): each mart's pre-hook
    deletes those users' rows and the model selects theirs again. The previous build's per-user
    fingerprints and as-of date are its table incremental_state, written last. Every model in
    3_mart is such a mart: a new one selects through changed_users_only(), or an incremental build
    keeps its unchanged users' rows twice (its grain test fails the build). -#}

{#- The previous build's incremental_state, or none (a fresh file, or a snapshot from before it existed). -#}
{% macro previous_build_state() %}
{%- if execute -%}
{{ return(adapter.get_relation(database=target.database, schema=target.schema, identifier='incremental_state')) }}
{%- endif -%}
{{ return(none) }}
{% endmacro %}

{#- A where clause keeping the changed users' rows when the model is built incrementally; nothing otherwise. -#}
{% macro changed_users_only(column='user_id') %}
{%- set changed_users = ref('int_changed_users') -%}
{%- if is_incremental() -%}
where {{ column }} in (select user_id from {{ changed_users }})
{%- endif -%}
{% endmacro %}

{#- Pre-hook of every per-user mart: removes the rows that the incremental build selects again (all of
    them when the previous build left no state to diff against). -#}
{% macro delete_changed_users() %}
{%- if is_incremental() -%}
{%- if previous_build_state() -%}
delete from {{ this }} where user_id in (select user_id from {{ ref('int_changed_users') }})
{%- else -%}
delete from {{ this }}
{%- endif -%}
{%- endif -%}
{% endmacro %}

{#- Pre-hook of fct_daily_balance_history: every account's history ends at this build's as-of date,
    which can be earlier than the previous build's. -#}
{% macro delete_days_after_as_of_date() %}
{%- if is_incremental() -%}
delete from {{ this }} where balance_date > (select as_of_date from {{ ref('int_as_of_date') }})
{%- endif -%}
{% endmacro %}
