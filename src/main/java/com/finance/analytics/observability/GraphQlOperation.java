package com.finance.analytics.observability;

/**
 * What the GraphQL layer learned about one request, handed from
 * {@link GraphQlOutcomeInterceptor} to {@link RequestMetricsFilter} through a request
 * attribute (the request's attributes reach the interceptor read-only, so the filter puts
 * this holder there and the interceptor fills it). Written once, possibly on another
 * thread than the one that reads it when the response completes.
 */
final class GraphQlOperation {

	static final String ATTRIBUTE = GraphQlOperation.class.getName();

	private volatile String name;

	private volatile boolean executed;

	private volatile String outcome;

	void record(String name, boolean executed, String outcome) {
		this.name = name;
		this.executed = executed;
		this.outcome = outcome;
	}

	/** The requested operation name; null when none was given or GraphQL never ran. */
	String name() {
		return name;
	}

	/** Whether the operation was found and run (the document was valid). */
	boolean executed() {
		return executed;
	}

	/** {@code ok} or the first error's code; null when GraphQL never ran. */
	String outcome() {
		return outcome;
	}

}
