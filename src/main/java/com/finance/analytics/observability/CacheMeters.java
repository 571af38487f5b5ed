package com.finance.analytics.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.LongSupplier;

/**
 * The hook for a cache's meters: hits, misses and size under the names Micrometer's own
 * cache binders use ({@code cache_gets_total{cache, result="hit"|"miss"}},
 * {@code cache_size{cache}}), so the usual cache dashboards read them. Made for caches
 * kept per snapshot: the counters are registered once per cache name and outlive every
 * swap, and {@code size} is asked at scrape time (pass a supplier that reads the served
 * snapshot's cache), whereas binding a new cache instance at each swap (e.g.
 * {@code CaffeineCacheMetrics.monitor}) would leave the series bound to the first one. A
 * cache that lives as long as the process can use {@code CaffeineCacheMetrics.monitor}
 * instead.
 */
public final class CacheMeters {

	private final Counter hits;

	private final Counter misses;

	private CacheMeters(Counter hits, Counter misses) {
		this.hits = hits;
		this.misses = misses;
	}

	/**
	 * Registers the meters of the cache called {@code cache} (a few fixed names, never a
	 * user's value) and returns the handle its code counts with.
	 */
	public static CacheMeters register(MeterRegistry registry, String cache, LongSupplier size) {
		Gauge.builder("cache.size", size, LongSupplier::getAsLong)
			.description("Entries in the cache now")
			.tag("cache", cache)
			// the gauge is the only holder of a lambda: a weak reference would lose it
			.strongReference(true)
			.register(registry);
		return new CacheMeters(gets(registry, cache, "hit"), gets(registry, cache, "miss"));
	}

	private static Counter gets(MeterRegistry registry, String cache, String result) {
		return Counter.builder("cache.gets")
			.description("Cache lookups, by whether they found an entry")
			.tag("cache", cache)
			.tag("result", result)
			.register(registry);
	}

	public void hit() {
		hits.increment();
	}

	public void miss() {
		misses.increment();
	}

}
