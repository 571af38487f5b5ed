{#- dbt's unique test; in an incremental build a mart's test groups only the values of the rows this
    build wrote (macros/incremental_by_user.sql), checked against the whole mart's column, so a written
    row colliding with a kept one still fails. -#}
{% macro duckdb__test_unique(model, column_name) %}
{%- set written = written_rows(model) %}
select
    {{ column_name }} as unique_field,
    count(*) as n_records
from {{ model }}
where
    {{ column_name }} is not null
{%- if written %}
    and {{ column_name }} in (select {{ column_name }} from {{ model }} where {{ written }})
{%- endif %}
group by {{ column_name }}
having count(*) > 1
{% endmacro %}
