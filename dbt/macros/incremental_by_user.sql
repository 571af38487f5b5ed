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
{{- changed_users_where(column, is_incremental()) -}}
{% endmacro %}

{#- The same filter in an intermediate view that only a mart reads (no is_incremental() there): the
    mart's own filter comes after the view's joins and aggregates, which would otherwise run over every
    user. Keeps the changed users' rows when this build diffs against a previous one; in a fresh file
    every user is changed, so it keeps every row without the semi-join. -#}
{% macro changed_users_only_when_diffed(column='user_id') %}
{{- changed_users_where(column, previous_build_state()) -}}
{% endmacro %}

{#- The where clause of both, when `applies`. ref() is called either way: dbt records the model's
    dependency on int_changed_users while parsing, when neither condition holds yet. -#}
{% macro changed_users_where(column, applies) %}
{%- set changed_users = ref('int_changed_users') -%}
{%- if applies -%}
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

{#- Data tests of an incremental build read the rows it wrote, not the whole marts. The other rows are
    the previous snapshot's, copied byte for byte (its checksum verified first); they passed every test
    when it was published, against the same source rows (equal fingerprints). The rows a build writes:
    the changed users' in every mart, and in fct_daily_balance_history also the days past the previous
    as-of date that every open account gained. A test that reconciles a mart with the source filters
    every scan of both sides through the macros below (so each scan shrinks before a join or an
    aggregate); a grain test checks the keys the build wrote against the whole mart's key columns.
    In a full build (no previous build state) every macro keeps every row. No ref() here: these run in
    tests of staging models too, which must not depend on int_changed_users; a test on a mart runs after
    the mart, which is built after int_changed_users. -#}

{#- True when this build started from a previous snapshot's state (the tests read its rows only). -#}
{% macro tests_read_written_rows() %}
{{ return(execute and previous_build_state() is not none) }}
{% endmacro %}

{#- int_changed_users by name (see above). -#}
{% macro changed_users_relation() %}
{{ return(graph.nodes['model.analytics.int_changed_users'].relation_name) }}
{% endmacro %}

{#- A condition true for the rows of a user this build rebuilt (every row in a full build). -#}
{% macro changed_user(column) %}
{%- if tests_read_written_rows() -%}
{{ column }} in (select user_id from {{ changed_users_relation() }})
{%- else -%}
true
{%- endif -%}
{% endmacro %}

{#- The same for a row that knows only its account (owned by the account's user). -#}
{% macro changed_account(column) %}
{%- if tests_read_written_rows() -%}
{{ column }} in (
    select account_id from {{ graph.nodes['model.analytics.int_accounts'].relation_name }}
    where user_id in (select user_id from {{ changed_users_relation() }})
)
{%- else -%}
true
{%- endif -%}
{% endmacro %}

{#- A condition true for a day past the previous build's as-of date (never in a full build, where the
    conditions above already hold for every row). -#}
{% macro after_previous_as_of_date(column) %}
{%- if tests_read_written_rows() -%}
{{ column }} > (select max(as_of_date) from {{ previous_build_state() }})
{%- else -%}
false
{%- endif -%}
{% endmacro %}

{#- The rows of a mart this build wrote, as a condition on its columns, for generic tests; none when the
    test must read every row (a full build, or a model that is not an incremental mart). -#}
{% macro written_rows(relation) %}
{%- if not tests_read_written_rows() -%}
{{ return(none) }}
{%- endif -%}
{%- set marts = graph.nodes.values() | selectattr('resource_type', 'equalto', 'model')
    | selectattr('name', 'equalto', relation.identifier)
    | selectattr('config.materialized', 'equalto', 'incremental') | list -%}
{%- if not marts -%}
{{ return(none) }}
{%- endif -%}
{%- set condition = changed_user('user_id') -%}
{%- if relation.identifier == 'fct_daily_balance_history' -%}
{%- set condition = condition ~ ' or ' ~ after_previous_as_of_date('balance_date') -%}
{%- endif -%}
{{ return(condition) }}
{% endmacro %}
