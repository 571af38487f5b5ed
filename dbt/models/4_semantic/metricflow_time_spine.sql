-- MetricFlow's calendar (one row per day). The gateway never reads it; MetricFlow needs it in the
-- snapshot to answer queries, and the cross-check runs MetricFlow on the published file. The range
-- covers any data the generator or a real bank sync can produce, for 40 years.
with days as (
    select unnest(generate_series(date '2000-01-01', date '2039-12-31', interval 1 day))::date as date_day
),

final as (
    select date_day
    from days
)

select * from final
order by date_day
