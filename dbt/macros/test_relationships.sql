{#- dbt's relationships test, extended to list columns (fct_transactions.tag_ids -> dim_tags.tag_id):
    every element of the list must exist in the parent. Scalar columns behave as upstream. In an
    incremental build a mart's test reads the child rows this build wrote (macros/incremental_by_user.sql):
    a kept row's parent belongs to the same user (assert_related_rows_belong_to_the_same_user), whose
    parents were not rebuilt either. -#}
{% macro duckdb__test_relationships(model, column_name, to, field) %}
{%- set columns = adapter.get_columns_in_relation(model) if execute else [] -%}
{%- set ns = namespace(is_list=false) -%}
{%- for column in columns if column.name == column_name and column.dtype.endswith('[]') -%}
{%- set ns.is_list = true -%}
{%- endfor %}
{%- set written = written_rows(model) %}
with child as (
    select {% if ns.is_list %}unnest({{ column_name }}){% else %}{{ column_name }}{% endif %} as from_field
    from {{ model }}
{%- if written %}
    where {{ written }}
{%- endif %}
),

parent as (
    select {{ field }} as to_field
    from {{ to }}
)

select child.from_field
from child
left join parent on child.from_field = parent.to_field
where child.from_field is not null and parent.to_field is null
{% endmacro %}
