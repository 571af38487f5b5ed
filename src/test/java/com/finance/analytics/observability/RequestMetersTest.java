package com.finance.analytics.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The bound on GraphQL operation names, without a server: pure tag logic. */
class RequestMetersTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final RequestMeters meters = new RequestMeters(registry, 2);

	@Test
	void namesPastTheCapAreOther() {
		assertThat(meters.graphQlOperation("First", true)).isEqualTo("First");
		assertThat(meters.graphQlOperation("Second", true)).isEqualTo("Second");

		assertThat(meters.graphQlOperation("Third", true)).isEqualTo(RequestMeters.OTHER);
		assertThat(meters.graphQlOperation("First", true)).isEqualTo("First");
	}

	@Test
	void nameOfAnOperationThatNeverRanTakesNoPlace() {
		assertThat(meters.graphQlOperation("Invented", false)).isEqualTo(RequestMeters.OTHER);
		assertThat(meters.graphQlOperation("Real", true)).isEqualTo("Real");
		assertThat(meters.graphQlOperation("AlsoReal", true)).isEqualTo("AlsoReal");
	}

	@Test
	void requestWithoutNameIsAnonymous() {
		assertThat(meters.graphQlOperation(null, true)).isEqualTo(RequestMeters.ANONYMOUS);
	}

	@Test
	void eachSeriesIsOneTimer() {
		meters.record(RequestMeters.REST, "/api/analytics/status", Outcomes.OK, 1_000_000);
		meters.record(RequestMeters.REST, "/api/analytics/status", Outcomes.OK, 3_000_000);
		meters.record(RequestMeters.REST, "/api/analytics/status", "NOT_FOUND", 1_000_000);

		assertThat(registry.get(RequestMeters.NAME).tag("outcome", Outcomes.OK).timer().count()).isEqualTo(2);
		assertThat(registry.get(RequestMeters.NAME).timers()).hasSize(2);
	}

}
