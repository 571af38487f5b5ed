package com.finance.analytics.bench;

import com.finance.analytics.bench.DataRange.Window;

/**
 * One drawn request: whose it is and the date window it asks for; the same draw feeds the
 * gateway and raw DuckDB.
 */
record Request(BenchUser user, Window window) {
}
