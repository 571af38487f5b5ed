package com.finance.analytics.query;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A caller's rows of a relation's target dataset by their key column, when there are few
 * enough to hold whole ({@code complete}); otherwise empty and not complete.
 */
record KeyedRows(Map<Object, Map<String, Object>> byKey, boolean complete) {

	KeyedRows {
		byKey = Collections.unmodifiableMap(new HashMap<>(byKey));
	}

}
