package com.finance.analytics.refresh;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The shapes of Dagster's answers to {@link DagsterRunQueries}, as far as the refresh
 * reads them.
 */
final class DagsterResponses {

	record Run(String runId, String status, Double startTime, Double endTime) {

		RefreshRun toRefreshRun() {
			return new RefreshRun(runId, RefreshStatus.fromDagster(status), toUtc(startTime), toUtc(endTime), null);
		}

		/** Dagster reports times as fractional epoch seconds. */
		private static OffsetDateTime toUtc(Double epochSeconds) {
			if (epochSeconds == null) {
				return null;
			}
			long micros = Math.round(epochSeconds * 1_000_000);
			return Instant.EPOCH.plusNanos(micros * 1_000).atOffset(ZoneOffset.UTC);
		}
	}

	record LaunchResult(String kind, Run run, String message) {
	}

	record RunResult(String kind, String runId, String status, Double startTime, Double endTime, String message) {

		Run run() {
			return new Run(runId, status, startTime, endTime);
		}
	}

	record RunsResult(String kind, List<Run> results, String message) {
	}

	record Error(String message) {
	}

	record Event(String kind, String message, Error error) {

		boolean isFailure() {
			return "ExecutionStepFailureEvent".equals(kind) || "RunFailureEvent".equals(kind);
		}
	}

	record EventsResult(String kind, List<Event> events, String message) {
	}

	private DagsterResponses() {
	}

}
