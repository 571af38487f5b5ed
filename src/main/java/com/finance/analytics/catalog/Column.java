package com.finance.analytics.catalog;

/** A typed column of a dataset; the description comes from dbt. */
public record Column(String name, ColumnType type, String description) {
}
