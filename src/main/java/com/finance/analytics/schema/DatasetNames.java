package com.finance.analytics.schema;

import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.catalog.DatasetFilters;
import java.util.ArrayList;
import java.util.List;

/** The GraphQL names generated for one dataset. */
record DatasetNames(String queryField, String type, String page, String filter, String column, String orderBy) {

	static DatasetNames of(Dataset dataset) {
		String type = GraphQlNames.rowType(dataset);
		return new DatasetNames(GraphQlNames.field(dataset.id()), type, type + "Page", type + "Filter", type + "Column",
				type + "OrderBy");
	}

	/**
	 * The fields of a dataset's filter input: the filters its {@code meta.filters}
	 * declares.
	 */
	static List<String> filterArguments(DatasetFilters filters) {
		List<String> arguments = new ArrayList<>();
		if (filters.dateColumn().isPresent()) {
			arguments.add("startDate");
			arguments.add("endDate");
		}
		filters.accountIdColumn().ifPresent(column -> arguments.add("accountIds"));
		filters.tagIdColumn().ifPresent(column -> arguments.add("tagIds"));
		return arguments;
	}
}
