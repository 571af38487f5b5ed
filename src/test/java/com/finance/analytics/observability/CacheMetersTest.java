package com.finance.analytics.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A per-snapshot cache's meters: counts that outlive a swap, the size read from whichever
 * cache is current.
 */
class CacheMetersTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void hitsMissesAndSizeUnderMicrometersCacheNames() {
		AtomicLong currentSize = new AtomicLong(3);
		CacheMeters meters = CacheMeters.register(registry, "results", currentSize::get);

		meters.hit();
		meters.hit();
		meters.miss();
		currentSize.set(0);
		// a gauge holding its supplier weakly would read NaN from here on
		System.gc();

		assertThat(registry.get("cache.gets").tag("cache", "results").tag("result", "hit").counter().count())
			.isEqualTo(2);
		assertThat(registry.get("cache.gets").tag("result", "miss").counter().count()).isEqualTo(1);
		assertThat(registry.get("cache.size").tag("cache", "results").gauge().value()).isZero();
	}

}
