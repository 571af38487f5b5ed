package com.finance.analytics.schema;

import com.finance.analytics.snapshot.Snapshot;
import java.util.Optional;

/**
 * One feature of the served GraphQL schema, whole: the type definitions it adds and the
 * data fetchers behind them, in the same unit, so adding a field never means opening a
 * second file to make it resolve. Declare it as a Spring bean; the engine of every
 * snapshot, and the one served while there is none, asks each contribution in turn.
 */
public interface SchemaContribution {

	/**
	 * Set to {@code true} in the GraphQL context by a fetcher whose answer does not come
	 * from the snapshot (e.g. a refresh run's status), so the response is never given an
	 * entity tag that only the snapshot would change.
	 */
	String NOT_FROM_SNAPSHOT = "analytics.notFromSnapshot";

	/**
	 * Adds this feature to the schema of {@code snapshot}, or to the schema served while
	 * no snapshot is available when it is empty (a feature that needs data adds nothing
	 * then). Called once per snapshot, never per request.
	 */
	void contribute(SchemaBuilder schema, Optional<Snapshot> snapshot);

}
