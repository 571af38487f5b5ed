package com.finance.analytics.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The request timer {@code analytics_requests_seconds}: one sample per HTTP request, by
 * {@code transport} (graphql, rest), {@code operation} and {@code outcome} (ok or an
 * error code). Every tag has a bounded set of values: REST operations are the route
 * templates, GraphQL operations the first {@code maxOperationNames} distinct names of
 * operations that actually ran (a name in a request that fails validation is not
 * admitted), the rest {@code other}; outcomes are the error codes. The latency histogram
 * has a few fixed buckets instead of Micrometer's ~70, so each series costs little to
 * record and to scrape.
 */
final class RequestMeters {

	static final String NAME = "analytics.requests";

	static final String GRAPHQL = "graphql";

	static final String REST = "rest";

	/** GraphQL never ran (refused before it: token, body, limit), or no route matched. */
	static final String UNKNOWN = "unknown";

	/** A GraphQL request that named no operation. */
	static final String ANONYMOUS = "anonymous";

	/** A name past the cap, or one that never ran. */
	static final String OTHER = "other";

	private static final Pattern GRAPHQL_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,99}");

	private static final Duration[] BUCKETS = { Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
			Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
			Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10) };

	private final MeterRegistry registry;

	private final int maxOperationNames;

	private final Set<String> operationNames = ConcurrentHashMap.newKeySet();

	private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

	RequestMeters(MeterRegistry registry, int maxOperationNames) {
		this.registry = registry;
		this.maxOperationNames = maxOperationNames;
	}

	void record(String transport, String operation, String outcome, long nanos) {
		timers.computeIfAbsent(new Series(transport, operation, outcome), this::timer)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * The {@code operation} tag of a GraphQL request that GraphQL ran; {@code requested}
	 * is the name the request gave, or null.
	 */
	String graphQlOperation(String requested, boolean executed) {
		if (requested == null) {
			return ANONYMOUS;
		}
		if (operationNames.contains(requested)) {
			return requested;
		}
		if (!executed || !GRAPHQL_NAME.matcher(requested).matches()) {
			return OTHER;
		}
		synchronized (operationNames) {
			if (operationNames.size() >= maxOperationNames) {
				return OTHER;
			}
			operationNames.add(requested);
			return requested;
		}
	}

	private Timer timer(Series series) {
		return Timer.builder(NAME)
			.description("HTTP requests to /graphql and /api/**, by transport, operation and outcome")
			.tag("transport", series.transport())
			.tag("operation", series.operation())
			.tag("outcome", series.outcome())
			.serviceLevelObjectives(BUCKETS)
			.register(registry);
	}

	private record Series(String transport, String operation, String outcome) {
	}

}
