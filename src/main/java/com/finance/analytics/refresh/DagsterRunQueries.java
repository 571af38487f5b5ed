package com.finance.analytics.refresh;

/**
 * The documents sent to Dagster's GraphQL API. {@code kind: __typename} tells a result
 * union's success member from its error members; every error member of these unions
 * implements Dagster's {@code Error} interface.
 */
final class DagsterRunQueries {

	static final String LAUNCH = """
			mutation LaunchRefresh($selector: JobOrPipelineSelector!) {
			  launchRun(executionParams: {selector: $selector}) {
			    kind: __typename
			    ... on LaunchRunSuccess { run { runId status startTime endTime } }
			    ... on Error { message }
			  }
			}
			""";

	static final String RUN = """
			query RefreshRun($runId: ID!) {
			  runOrError(runId: $runId) {
			    kind: __typename
			    ... on Run { runId status startTime endTime }
			    ... on Error { message }
			  }
			}
			""";

	static final String RUNS_IN_PROGRESS = """
			query RefreshRunsInProgress($filter: RunsFilter!) {
			  runsOrError(filter: $filter, limit: 1) {
			    kind: __typename
			    ... on Runs { results { runId status startTime endTime } }
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
