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

	record Tag(String key, String value) {
	}

	record Run(String runId, String status, Double startTime, Double endTime, List<Tag> tags) {

		/**
		 * Known by the id the gateway gave it when it launched the run, else by Dagster's
		 * run id (a run launched from Dagster's UI).
		 */
		RefreshRun toRefreshRun() {
			String id = tags == null ? runId
					: tags.stream()
						.filter(tag -> DagsterRunQueries.REFRESH_ID_TAG.equals(tag.key()))
						.map(Tag::value)
						.findFirst()
						.orElse(runId);
			return new RefreshRun(id, RefreshStatus.fromDagster(status), toUtc(startTime), toUtc(endTime), null);
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

	record RunResult(String kind, String runId, String status, Double startTime, Double endTime, List<Tag> tags,
			String message) {

		Run run() {
			return new Run(runId, status, startTime, endTime, tags);
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
