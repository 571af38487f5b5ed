package com.finance.analytics.observability;

import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.refresh.RefreshListener;
import com.finance.analytics.refresh.RefreshService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/**
 * Refresh launches by outcome, {@code analytics_refresh_launches_total{outcome}}:
 * {@code ok} (a run was launched, or an unfinished one was found) or the error code the
 * callers got. A run's own result lives in Dagster; what it published shows here as a
 * snapshot swap, or a rejection.
 */
final class RefreshMeters implements RefreshListener {

	private final MeterRegistry registry;

	RefreshMeters(MeterRegistry registry, RefreshService refreshes) {
		this.registry = registry;
		// present from the start, so a rate over it is 0 rather than missing
		launches(Outcomes.OK);
		refreshes.setListener(this);
	}

	@Override
	public void launchEnded(Optional<ErrorCode> failure) {
		launches(failure.map(ErrorCode::name).orElse(Outcomes.OK)).increment();
	}

	private Counter launches(String outcome) {
		return Counter.builder("analytics.refresh.launches")
			.description("Refresh launches (refreshAnalytics, POST /api/analytics/refresh) by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

}
