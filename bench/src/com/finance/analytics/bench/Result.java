package com.finance.analytics.bench;

import java.util.Arrays;

/**
 * What one step measured: completed requests per second, latency percentiles (ms) over
 * every request, and the CPU time the serving process spent per request (ms), which
 * neighbours on a shared machine disturb far less than latency.
 */
record Result(long completed, long errors, double seconds, double p50, double p95, double p99, double cpuMillis,
		String firstError) {

	static Result of(long[] latenciesNanos, long errors, double seconds, long cpuNanos, String firstError) {
		long[] sorted = latenciesNanos.clone();
		Arrays.sort(sorted);
		return new Result(sorted.length, errors, seconds, millis(sorted, 0.50), millis(sorted, 0.95),
				millis(sorted, 0.99), sorted.length == 0 ? Double.NaN : cpuNanos / 1e6 / sorted.length, firstError);
	}

	double perSecond() {
		return completed / seconds;
	}

	/** Nearest-rank percentile. */
	private static double millis(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(quantile * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}
}
