package com.finance.analytics.query;

import java.util.List;
import java.util.Map;

/** One page of rows (column name → value) and where it sits in the whole result. */
public record Page(List<Map<String, Object>> rows, long totalCount, int limit, int offset) {

	public boolean hasNextPage() {
		return offset + (long) rows.size() < totalCount;
	}
}
