package com.finance.analytics.query;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a cached result answers: one statement (SQL text and bound values) read one way,
 * on one snapshot, for one user. The user is a component of its own, not only one of the
 * bound values, so an entry can never answer another user even if a statement some day
 * bound its user differently; the snapshot is named by id, so a key keeps no retired
 * snapshot alive.
 *
 * @param snapshotId the snapshot the result was read from
 * @param userId the caller whose rows the statement reads
 * @param reading how the rows were turned into the cached value (page, count, rows, ...)
 * @param sql the statement's text
 * @param parameters the values bound to it, the user id among them
 */
record ResultKey(String snapshotId, UUID userId, String reading, String sql, List<Object> parameters) {

	ResultKey {
		Objects.requireNonNull(snapshotId);
		Objects.requireNonNull(userId);
		Objects.requireNonNull(reading);
		parameters = List.copyOf(parameters);
	}

	static ResultKey of(String snapshotId, UUID userId, String reading, SqlStatement statement) {
		return new ResultKey(snapshotId, userId, reading, statement.sql(), statement.parameters());
	}

	/** Approximate bytes the key holds: the SQL text dominates. */
	int weight() {
		return 96 + 2 * sql.length() + ResultWeight.of(parameters);
	}

}
