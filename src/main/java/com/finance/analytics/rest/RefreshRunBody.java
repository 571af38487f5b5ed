package com.finance.analytics.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.finance.analytics.refresh.RefreshRun;
import com.finance.analytics.refresh.RefreshStatus;
import java.time.OffsetDateTime;

/**
 * A Dagster refresh run, as GraphQL's {@code RefreshRun}; timestamps and message are
 * absent until they exist.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RefreshRunBody(String id, RefreshStatus status, @JsonProperty("started_at") OffsetDateTime startedAt,
		@JsonProperty("finished_at") OffsetDateTime finishedAt, String message) {

	static RefreshRunBody of(RefreshRun run) {
		return new RefreshRunBody(run.id(), run.status(), run.startedAt(), run.finishedAt(), run.message());
	}
}
