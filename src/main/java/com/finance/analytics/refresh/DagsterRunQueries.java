package com.finance.analytics.refresh;

/**
 * The documents sent to Dagster's GraphQL API. {@code kind: __typename} tells a result
 * union's success member from its error members; every error member of these unions
 * implements Dagster's {@code Error} interface. A run the gateway launches carries the id
 * the gateway gave it as a tag ({@link #REFRESH_ID_TAG}): Dagster 1.13's
 * {@code launchRun} takes no run id from its caller, so the tag is how that id finds the
 * run again.
 */
final class DagsterRunQueries {

	static final String REFRESH_ID_TAG = "analytics/refresh-id";

	static final String LAUNCH = """
			mutation LaunchRefresh($selector: JobOrPipelineSelector!, $tags: [ExecutionTag!]!) {
			  launchRun(executionParams: {selector: $selector, executionMetadata: {tags: $tags}}) {
			    kind: __typename
			    ... on LaunchRunSuccess { run { runId status startTime endTime tags { key value } } }
			    ... on Error { message }
			  }
			}
			""";

	/**
	 * A run by the id the gateway gave it (its tag) or, for a run launched elsewhere, by
	 * Dagster's own run id.
	 */
	static final String RUN = """
			query RefreshRun($runId: ID!, $tagged: RunsFilter!) {
			  tagged: runsOrError(filter: $tagged, limit: 1) {
			    kind: __typename
			    ... on Runs { results { runId status startTime endTime tags { key value } } }
			    ... on Error { message }
			  }
			  runOrError(runId: $runId) {
			    kind: __typename
			    ... on Run { runId status startTime endTime tags { key value } }
			    ... on Error { message }
			  }
			}
			""";

	static final String RUNS_IN_PROGRESS = """
			query RefreshRunsInProgress($filter: RunsFilter!) {
			  runsOrError(filter: $filter, limit: 1) {
			    kind: __typename
			    ... on Runs { results { runId status startTime endTime tags { key value } } }
			    ... on Error { message }
			  }
			}
			""";

	static final String FAILURE_EVENTS = """
			query RefreshRunFailure($runId: ID!) {
			  logsForRun(runId: $runId) {
			    kind: __typename
			    ... on EventConnection {
			      events {
			        kind: __typename
			        ... on ExecutionStepFailureEvent { message error { message } }
			        ... on RunFailureEvent { message error { message } }
			      }
			    }
			    ... on Error { message }
			  }
			}
			""";

	private DagsterRunQueries() {
	}

}
