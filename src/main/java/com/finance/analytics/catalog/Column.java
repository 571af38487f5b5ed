package com.finance.analytics.catalog;

/**
 * A typed column of a dataset; the description comes from dbt, and so does
 * {@code nullable}: false when dbt declares the column not null (a {@code not_null} test
 * or constraint, or a primary key).
 */
public record Column(String name, ColumnType type, String description, boolean nullable) {
}
