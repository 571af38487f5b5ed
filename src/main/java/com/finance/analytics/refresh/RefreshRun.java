package com.finance.analytics.refresh;

import java.time.OffsetDateTime;

/**
 * One run of the refresh job. {@code message} is Dagster's failure message when the run
 * failed, else null; the timestamps are null until the run starts or finishes.
 */
public record RefreshRun(String id, RefreshStatus status, OffsetDateTime startedAt, OffsetDateTime finishedAt,
		String message) {

	/** A run this gateway is handing to Dagster, which does not know it yet. */
	public static RefreshRun launching(String id) {
		return new RefreshRun(id, RefreshStatus.LAUNCHING, null, null, null);
	}

	public RefreshRun withMessage(String failureMessage) {
		return new RefreshRun(id, status, startedAt, finishedAt, failureMessage);
	}
}
