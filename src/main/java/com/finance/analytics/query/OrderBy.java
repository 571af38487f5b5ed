package com.finance.analytics.query;

/** One ordering term; the column must be a non-list column of the dataset. */
public record OrderBy(String column, SortDirection direction) {
}
