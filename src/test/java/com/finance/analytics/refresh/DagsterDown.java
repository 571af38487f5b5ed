package com.finance.analytics.refresh;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Next to {@link com.finance.analytics.GatewayTest}: the gateway's Dagster is down. Its
 * URL is loopback port 1, where nothing listens (a reserved port no test binds), so every
 * call is refused at once; one-second timeouts keep a refused refresh quick. Fixed
 * properties rather than a free port found at run time, so every test of a Dagster outage
 * shares one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestPropertySource(
		properties = { "analytics.refresh.dagster-url=http://127.0.0.1:1", "analytics.refresh.connect-timeout=1s",
				"analytics.refresh.request-timeout=1s", "analytics.refresh.launch-timeout=1s" })
public @interface DagsterDown {

}
