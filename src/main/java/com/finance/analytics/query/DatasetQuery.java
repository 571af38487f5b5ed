package com.finance.analytics.query;

import com.finance.analytics.error.ErrorCode;
import java.util.List;

/** A page request on one dataset. Limits are enforced, never silently clamped. */
public record DatasetQuery(DatasetFilter filter, List<OrderBy> orderBy, int limit, int offset) {

	public static final int DEFAULT_LIMIT = 1000;

	public static final int MAX_LIMIT = 10_000;

	public DatasetQuery {
		filter = filter == null ? DatasetFilter.NONE : filter;
		orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
		if (limit < 0 || limit > MAX_LIMIT) {
			throw ErrorCode.BAD_REQUEST.exception("limit must be between 0 and " + MAX_LIMIT + ", was " + limit);
		}
		if (offset < 0) {
			throw ErrorCode.BAD_REQUEST.exception("offset must not be negative, was " + offset);
		}
	}
}
