package com.finance.analytics.query;

import java.util.List;

/** SQL text with {@code ?} placeholders and the values bound to them, in order. */
public record SqlStatement(String sql, List<Object> parameters) {

	public SqlStatement {
		parameters = List.copyOf(parameters);
	}
}
