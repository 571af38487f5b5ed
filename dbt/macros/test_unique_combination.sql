{#- The grain of a table: no two rows share these columns (NULLs compare equal). In an incremental build
    a mart's test groups only the rows whose key is one this build wrote (macros/incremental_by_user.sql):
    the key columns of the whole mart are read, so a written row colliding with a kept one still fails. -#}
{% test unique_combination(model, columns) %}
{%- set written = written_rows(model) -%}
{%- set key = 'row(' ~ columns | join(', ') ~ ')' -%}
select {{ columns | join(', ') }}, count(*) as row_count
from {{ model }}
{%- if written %}
where {{ key }} in (select {{ key }} from {{ model }} where {{ written }})
{%- endif %}
group by all
having count(*) > 1
{% endtest %}
