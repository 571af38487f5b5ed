package com.finance.analytics.query;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on DuckDB work.
 *
 * @param timeout how long one statement may wait for a slot and run before it is
 * cancelled
 * @param maxConcurrent statements running in DuckDB at once; the rest queue (0 = number
 * of cores). On few cores, admitting every request at once multiplies tail latency
 * without adding throughput.
 */
@ConfigurationProperties("analytics.query")
public record QueryProperties(@DefaultValue("10s") Duration timeout, @DefaultValue("0") int maxConcurrent) {

	public int effectiveMaxConcurrent() {
		return maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
	}
}
