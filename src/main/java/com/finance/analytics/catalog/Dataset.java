package com.finance.analytics.catalog;

import com.finance.analytics.error.ErrorCode;
import java.util.List;
import java.util.Optional;

/**
 * A mart exposed to callers. {@code id} is the dbt model name;
 * {@code schema}/{@code table} locate it in DuckDB and are the only identifiers SQL is
 * ever built from. {@code graphQlType} is {@code meta.graphql_type} when dbt names the
 * type of one row; {@code keyColumn} is the column dbt declares unique (a {@code unique}
 * test or a primary key).
 */
public record Dataset(String id, String friendlyName, String group, String timeGrain, String description, String schema,
		String table, List<Column> columns, DatasetFilters filters, Optional<String> graphQlType,
		Optional<String> keyColumn) {

	public Dataset {
		columns = List.copyOf(columns);
	}

	public Optional<Column> column(String name) {
		return columns.stream().filter(column -> column.name().equals(name)).findFirst();
	}

	public Column requireColumn(String name) {
		return column(name)
			.orElseThrow(() -> ErrorCode.BAD_REQUEST.exception("Dataset '" + id + "' has no column '" + name + "'"));
	}
}
