package com.finance.analytics.query;

import com.finance.analytics.error.ErrorCode;
import java.util.List;
import java.util.Set;

/**
 * A page request on one dataset. Limits are enforced, never silently clamped.
 * {@code columns} are the columns the caller will read from the rows (empty: all of
 * them); the others are left out of the statement, and so out of the rows.
 */
public record DatasetQuery(DatasetFilter filter, List<OrderBy> orderBy, int limit, int offset, Set<String> columns) {

	public static final int DEFAULT_LIMIT = 1000;

	public static final int MAX_LIMIT = 10_000;

	public DatasetQuery {
		filter = filter == null ? DatasetFilter.NONE : filter;
		orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
		columns = columns == null ? Set.of() : Set.copyOf(columns);
		if (limit < 0 || limit > MAX_LIMIT) {
			throw ErrorCode.BAD_REQUEST.exception("limit must be between 0 and " + MAX_LIMIT + ", was " + limit);
		}
		if (offset < 0) {
			throw ErrorCode.BAD_REQUEST.exception("offset must not be negative, was " + offset);
		}
	}

	public DatasetQuery(DatasetFilter filter, List<OrderBy> orderBy, int limit, int offset) {
		this(filter, orderBy, limit, offset, Set.of());
	}

	/** This request, reading only {@code read} of the dataset's columns. */
	public DatasetQuery reading(Set<String> read) {
		return new DatasetQuery(filter, orderBy, limit, offset, read);
	}

}
