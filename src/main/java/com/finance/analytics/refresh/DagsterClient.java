package com.finance.analytics.refresh;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClientException;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;

/**
 * Talks to Dagster's GraphQL API about runs of the refresh job. Every call is bounded by
 * the configured connect and request timeouts, and any failure to get a usable answer
 * becomes UNAVAILABLE: the gateway keeps serving queries whatever state Dagster is in.
 */
@Component
public class DagsterClient {

	private static final Logger log = LoggerFactory.getLogger(DagsterClient.class);

	/** Dagster's statuses of a run that has not finished, in its own spelling. */
	private static final List<String> UNFINISHED_STATUSES = List.of("QUEUED", "NOT_STARTED", "STARTING", "STARTED",
			"MANAGED", "SUSPENDED", "CANCELING");

	private static final int MAX_MESSAGE_LENGTH = 2_000;

	private static final Pattern PYTHON_EXCEPTION_PREFIX = Pattern.compile("^(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*: ");

	private final RefreshProperties properties;

	private final HttpSyncGraphQlClient graphQl;

	private final HttpSyncGraphQlClient launcher;

	public DagsterClient(RefreshProperties properties) {
		this.properties = properties;
		this.graphQl = graphQlClient(properties, properties.requestTimeout());
		this.launcher = graphQlClient(properties, properties.launchTimeout());
	}

	/**
	 * Launches a run of the refresh job known by {@code refreshId}; Dagster queues it and
	 * its daemon starts it.
	 */
	public RefreshRun launch(String refreshId) {
		Map<String, Object> selector = Map.of("repositoryLocationName", properties.locationName(), "repositoryName",
				properties.repositoryName(), "jobName", properties.jobName());
		List<Map<String, String>> tags = List.of(Map.of("key", DagsterRunQueries.REFRESH_ID_TAG, "value", refreshId));
		DagsterResponses.LaunchResult result = execute(launcher, DagsterRunQueries.LAUNCH,
				Map.of("selector", selector, "tags", tags))
			.field("launchRun")
			.toEntity(DagsterResponses.LaunchResult.class);
		if (!"LaunchRunSuccess".equals(result.kind()) || result.run() == null) {
			log.warn("Dagster refused to launch {}: {} {}", properties.jobName(), result.kind(), result.message());
			throw unavailable("Dagster could not launch the refresh job (" + result.kind() + ")", null);
		}
		return result.run().toRefreshRun();
	}

	/**
	 * The run with this id (the gateway's or Dagster's own), with Dagster's failure
	 * message when it failed; empty when Dagster knows no such run.
	 */
	public Optional<RefreshRun> run(String id) {
		Map<String, Object> tagged = Map.of("tags",
				List.of(Map.of("key", DagsterRunQueries.REFRESH_ID_TAG, "value", id)));
		ClientGraphQlResponse response = execute(graphQl, DagsterRunQueries.RUN, Map.of("runId", id, "tagged", tagged));
		DagsterResponses.RunsResult byTag = response.field("tagged").toEntity(DagsterResponses.RunsResult.class);
		if (!"Runs".equals(byTag.kind())) {
			throw dagsterError(byTag.kind(), byTag.message());
		}
		DagsterResponses.RunResult byRunId = response.field("runOrError").toEntity(DagsterResponses.RunResult.class);
		Optional<DagsterResponses.Run> run = switch (byRunId.kind()) {
			case "Run" -> Optional.of(byRunId.run());
			case "RunNotFoundError" -> byTag.results().stream().findFirst();
			default -> throw dagsterError(byRunId.kind(), byRunId.message());
		};
		return run.map(found -> {
			RefreshRun refreshRun = found.toRefreshRun();
			return refreshRun.status() == RefreshStatus.FAILURE ? refreshRun.withMessage(failureMessage(found.runId()))
					: refreshRun;
		});
	}

	/** The newest unfinished run of the refresh job, whoever launched it. */
	public Optional<RefreshRun> unfinishedRun() {
		Map<String, Object> filter = Map.of("pipelineName", properties.jobName(), "statuses", UNFINISHED_STATUSES);
		DagsterResponses.RunsResult result = execute(graphQl, DagsterRunQueries.RUNS_IN_PROGRESS,
				Map.of("filter", filter))
			.field("runsOrError")
			.toEntity(DagsterResponses.RunsResult.class);
		if (!"Runs".equals(result.kind())) {
			throw dagsterError(result.kind(), result.message());
		}
		return result.results().stream().findFirst().map(DagsterResponses.Run::toRefreshRun);
	}

	/**
	 * Why a failed run failed, in Dagster's words: the error of the first failed step
	 * (the exception the job raised) or else the run's own failure message.
	 */
	private String failureMessage(String runId) {
		DagsterResponses.EventsResult result = execute(graphQl, DagsterRunQueries.FAILURE_EVENTS,
				Map.of("runId", runId))
			.field("logsForRun")
			.toEntity(DagsterResponses.EventsResult.class);
		if (!"EventConnection".equals(result.kind())) {
			throw dagsterError(result.kind(), result.message());
		}
		return result.events()
			.stream()
			.filter(DagsterResponses.Event::isFailure)
			.map(event -> event.error() != null ? event.error().message() : event.message())
			.findFirst()
			.map(DagsterClient::bounded)
			.orElse("The refresh run failed");
	}

	private ClientGraphQlResponse execute(HttpSyncGraphQlClient client, String document,
			Map<String, Object> variables) {
		ClientGraphQlResponse response;
		try {
			response = client.document(document).variables(variables).executeSync();
		}
		catch (RestClientException | GraphQlClientException e) {
			log.warn("Dagster at {} did not answer: {}", properties.dagsterUrl(), e.getMessage());
			throw unavailable("The refresh service (Dagster) is unavailable", e);
		}
		if (!response.isValid() || !response.getErrors().isEmpty()) {
			log.warn("Dagster rejected a request: {}", response.getErrors());
			throw unavailable("The refresh service (Dagster) rejected the request", null);
		}
		return response;
	}

	private static AnalyticsException dagsterError(String kind, String message) {
		log.warn("Dagster answered {}: {}", kind, message);
		return unavailable("The refresh service (Dagster) reported an error (" + kind + ")", null);
	}

	private static AnalyticsException unavailable(String message, Throwable cause) {
		return ErrorCode.UNAVAILABLE.exception(message, cause);
	}

	/**
	 * Without the Python exception's module path
	 * ("dagster._core.definitions.events.Failure: "), which says nothing.
	 */
	private static String bounded(String message) {
		String trimmed = PYTHON_EXCEPTION_PREFIX.matcher(message.strip()).replaceFirst("");
		return trimmed.length() <= MAX_MESSAGE_LENGTH ? trimmed : trimmed.substring(0, MAX_MESSAGE_LENGTH) + "…";
	}

	private static HttpSyncGraphQlClient graphQlClient(RefreshProperties properties, Duration readTimeout) {
		// HTTP/1.1: Dagster's webserver (uvicorn) refuses the h2c upgrade the JDK client
		// tries by default.
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(readTimeout);
		RestClient rest = RestClient.builder().requestFactory(requests).baseUrl(graphQlEndpoint(properties)).build();
		return HttpSyncGraphQlClient.builder(rest).build();
	}

	private static String graphQlEndpoint(RefreshProperties properties) {
		String base = properties.dagsterUrl().toString();
		return (base.endsWith("/") ? base : base + "/") + "graphql";
	}

}
