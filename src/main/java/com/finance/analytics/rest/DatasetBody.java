package com.finance.analytics.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.catalog.DatasetFilters;
import java.util.ArrayList;
import java.util.List;

/**
 * A dataset as dbt describes it, with the query parameters it accepts; {@code columns}
 * only on its schema endpoint.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DatasetBody(String id, String name, String group, @JsonProperty("time_grain") String timeGrain,
		String description, List<String> filters, List<ColumnBody> columns) {

	static DatasetBody summary(Dataset dataset) {
		return new DatasetBody(dataset.id(), dataset.friendlyName(), dataset.group(), dataset.timeGrain(),
				dataset.description(), filterParameters(dataset.filters()), null);
	}

	static DatasetBody withColumns(Dataset dataset) {
		DatasetBody summary = summary(dataset);
		return new DatasetBody(summary.id(), summary.name(), summary.group(), summary.timeGrain(),
				summary.description(), summary.filters(), dataset.columns().stream().map(ColumnBody::of).toList());
	}

	/**
	 * The filter parameters of the query endpoint that the dataset's {@code meta.filters}
	 * declares.
	 */
	static List<String> filterParameters(DatasetFilters filters) {
		List<String> parameters = new ArrayList<>();
		if (filters.dateColumn().isPresent()) {
			parameters.add(QueryParameters.START_DATE);
			parameters.add(QueryParameters.END_DATE);
		}
		filters.accountIdColumn().ifPresent(column -> parameters.add(QueryParameters.ACCOUNT_IDS));
		filters.tagIdColumn().ifPresent(column -> parameters.add(QueryParameters.TAG_IDS));
		return parameters;
	}
}
