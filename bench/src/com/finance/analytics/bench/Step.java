package com.finance.analytics.bench;

/** The gateway's and raw DuckDB's result for one query at one concurrency. */
record Step(QueryKind kind, int concurrency, Result gateway, Result raw) {

	/** Gateway throughput as a share of raw DuckDB's. */
	double ratio() {
		return gateway.perSecond() / raw.perSecond();
	}
}
