package com.finance.analytics.catalog;

import java.util.Optional;

/**
 * The columns a dataset declares in {@code meta.filters}. The user id column is
 * mandatory: every statement on the dataset is scoped by it.
 */
public record DatasetFilters(String userIdColumn, Optional<String> dateColumn, Optional<String> accountIdColumn,
		Optional<String> tagIdColumn) {
}
