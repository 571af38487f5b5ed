/**
 * dbt metrics on both APIs: the {@code metrics} query generated from the snapshot's
 * semantic layer (enums of metrics, dimensions and grains; a typed row), answered by
 * {@link com.finance.analytics.query.MetricQueryService}. See docs/metrics.md.
 */
package com.finance.analytics.metric;
