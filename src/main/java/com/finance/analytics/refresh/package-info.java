/**
 * Refreshing the marts: asks Dagster (over its GraphQL API) to run the
 * {@code analytics_refresh} job, reports the run's status, keeps to one refresh at a
 * time, and exposes both as the {@code refreshAnalytics} mutation and the
 * {@code refreshRun} query. The swap to the snapshot a run publishes belongs to the
 * snapshot manager.
 */
package com.finance.analytics.refresh;
