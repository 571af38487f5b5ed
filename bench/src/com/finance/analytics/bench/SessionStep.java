package com.finance.analytics.bench;

/**
 * The session mix at one concurrency: the gateway (GET, with the browsers' revalidations)
 * and raw DuckDB (every step run), and how many gateway answers were 304 Not Modified.
 */
record SessionStep(int concurrency, Result gateway, Result raw, long notModified) {

	double ratio() {
		return gateway.perSecond() / raw.perSecond();
	}

	double notModifiedShare() {
		return gateway.completed() == 0 ? 0 : (double) notModified / gateway.completed();
	}
}
