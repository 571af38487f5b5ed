package com.finance.analytics.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * {@code analytics.metrics.requests}: the request filter and the GraphQL interceptor are
 * there by default and gone when it is false, so no request pays for them.
 */
class RequestMetricsSwitchTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(ObservabilityConfiguration.RequestMetrics.class)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withBean(GraphQlProperties.class, GraphQlProperties::new)
		.withBean(MetricsProperties.class, () -> new MetricsProperties(true, 50));

	@Test
	void requestsAreMeasuredByDefault() {
		runner.run(context -> assertThat(context).hasSingleBean(FilterRegistrationBean.class)
			.hasSingleBean(WebGraphQlInterceptor.class));
	}

	@Test
	void requestMetricsOffLeaveNoFilterAndNoInterceptor() {
		runner.withPropertyValues("analytics.metrics.requests=false")
			.run(context -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class)
				.doesNotHaveBean(WebGraphQlInterceptor.class));
	}

}
