package com.finance.analytics.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.finance.analytics.query.Page;
import java.util.List;
import java.util.Map;

/**
 * One page of a dataset's rows, keyed by column name, and where it sits in the whole
 * result.
 */
record RowsPageBody(String dataset, List<Map<String, Object>> rows, @JsonProperty("total_count") long totalCount,
		int limit, int offset, @JsonProperty("has_next_page") boolean hasNextPage) {

	static RowsPageBody of(String datasetId, Page page) {
		return new RowsPageBody(datasetId, page.rows(), page.totalCount(), page.limit(), page.offset(),
				page.hasNextPage());
	}
}
