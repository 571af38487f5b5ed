package com.finance.analytics.schema;

import com.finance.analytics.security.Caller;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a GraphQL answer depends on: the snapshot it was read from, the caller (user
 * and scopes), and the request as sent (document or persisted-query marker, operation
 * name, variables, extensions). The snapshot and the caller are components of their own,
 * so an entry of one user or one snapshot can never be found with another's key.
 */
record ResponseKey(String snapshotId, Caller caller, String document, String operationName,
		Map<String, Object> variables, Map<String, Object> extensions) {

	ResponseKey {
		Objects.requireNonNull(snapshotId);
		Objects.requireNonNull(caller);
		Objects.requireNonNull(document);
		// copies (values may be null, which Map.copyOf refuses) that no later change of
		// the
		// request's maps can reach
		variables = Collections.unmodifiableMap(new HashMap<>(variables));
		extensions = Collections.unmodifiableMap(new HashMap<>(extensions));
	}

	/**
	 * Approximate heap bytes of the key (strings as UTF-16, the maps by their printed
	 * size): close enough to bound the cache, computed once per kept answer.
	 */
	int weight() {
		return 160 + 2 * (snapshotId.length() + document.length() + Objects.toString(operationName, "").length()
				+ variables.toString().length() + extensions.toString().length());
	}

}
