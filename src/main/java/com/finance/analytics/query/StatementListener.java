package com.finance.analytics.query;

/**
 * Told about each statement {@link QueryExecutor} handles (the metrics of the
 * observability package listen). Called on the request's thread, on every statement: an
 * implementation must be cheap and must not throw.
 */
public interface StatementListener {

	/** Listens to nothing: the executor's listener until one is set. */
	StatementListener NONE = new StatementListener() {
	};

	/** The statement got a slot after waiting this long in line. */
	default void admitted(long waitedNanos) {
	}

	/**
	 * The statement waited its whole timeout in line and was refused (TIMEOUT) without
	 * reaching DuckDB.
	 */
	default void timedOutInLine() {
	}

	/** The statement ran in DuckDB for this long and ended this way. */
	default void finished(long ranNanos, StatementOutcome outcome) {
	}

	/** How a statement that reached DuckDB ended. */
	enum StatementOutcome {

		/** It answered. */
		OK,
		/** Its deadline passed and it was cancelled in DuckDB. */
		TIMEOUT,
		/** DuckDB failed it (a damaged file, or anything unexpected). */
		ERROR

	}

}
