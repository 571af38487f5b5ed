package com.finance.analytics.refresh;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Dagster is and which job refreshes the marts. The timeouts bound how long a
 * request waits on Dagster before it answers UNAVAILABLE: launching gets longer than the
 * status reads, because Dagster plans the whole dbt job before it answers (measured 5–14
 * s on a busy 2-core machine). {@code repositoryName} is Dagster's name for a code
 * location's single definitions object.
 */
@ConfigurationProperties("analytics.refresh")
public record RefreshProperties(@DefaultValue("http://127.0.0.1:3070") URI dagsterUrl,
		@DefaultValue("analytics") String locationName, @DefaultValue("__repository__") String repositoryName,
		@DefaultValue("analytics_refresh") String jobName, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("5s") Duration requestTimeout, @DefaultValue("30s") Duration launchTimeout) {
}
