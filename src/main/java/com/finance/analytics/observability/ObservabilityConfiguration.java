package com.finance.analytics.observability;

import com.finance.analytics.query.QueryExecutor;
import com.finance.analytics.refresh.RefreshService;
import com.finance.analytics.snapshot.SnapshotManager;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * Registers the gateway's meters with Spring Boot's registry (Prometheus, scraped at
 * {@code /actuator/prometheus}). The per-request parts, the request filter and the
 * GraphQL outcome interceptor, and the statement timers exist only while
 * {@code analytics.metrics.requests} is true.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

	@Bean
	DuckDbMeters duckDbMeters(MeterRegistry registry, QueryExecutor executor, MetricsProperties properties) {
		return new DuckDbMeters(registry, executor, properties.requests());
	}

	@Bean
	SnapshotMeters snapshotMeters(MeterRegistry registry, SnapshotManager snapshots) {
		return new SnapshotMeters(registry, snapshots);
	}

	@Bean
	RefreshMeters refreshMeters(MeterRegistry registry, RefreshService refreshes) {
		return new RefreshMeters(registry, refreshes);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "analytics.metrics.requests", matchIfMissing = true)
	static class RequestMetrics {

		@Bean
		FilterRegistrationBean<RequestMetricsFilter> requestMetricsFilter(MeterRegistry registry,
				MetricsProperties properties, GraphQlProperties graphQl) {
			String graphQlPath = graphQl.getHttp().getPath();
			var filter = new RequestMetricsFilter(new RequestMeters(registry, properties.maxOperationNames()),
					graphQlPath);
			var registration = new FilterRegistrationBean<>(filter);
			registration.addUrlPatterns(graphQlPath, graphQlPath + "/*", "/api/*");
			// ahead of CORS and the token check, so that their refusals are timed and
			// counted too
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
			return registration;
		}

		@Bean
		WebGraphQlInterceptor graphQlOutcomeInterceptor() {
			return new GraphQlOutcomeInterceptor();
		}

	}

}
