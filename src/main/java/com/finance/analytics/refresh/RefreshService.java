package com.finance.analytics.refresh;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;

import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.security.Caller;

import jakarta.annotation.PreDestroy;

/**
 * Starts refreshes one at a time, for callers holding the refresh scope (GraphQL and REST
 * both come through here). Every Dagster call runs on this service's own few threads,
 * never on a request thread: the request is answered when the call's future completes, so
 * a Dagster that accepts connections and never answers cannot take the threads that serve
 * queries. Each future is bounded (UNAVAILABLE when Dagster has not answered in time),
 * whatever the number of callers: concurrent refreshes share the one launch in progress
 * (single flight), including its deadline. Asking Dagster for an unfinished run of the
 * job covers runs launched before a restart, by another gateway or from Dagster's UI.
 */
@Service
public class RefreshService {

	/** Two threads: a launch in progress does not hold up status reads. */
	private static final int DAGSTER_THREADS = 2;

	/**
	 * Status reads waiting for a thread; beyond this a caller is told at once that the
	 * refresh service is busy.
	 */
	private static final int MAX_WAITING_CALLS = 32;

	private final DagsterClient dagster;

	private final ThreadPoolExecutor dagsterCalls = new ThreadPoolExecutor(DAGSTER_THREADS, DAGSTER_THREADS, 0,
			TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_WAITING_CALLS),
			Thread.ofPlatform().daemon().name("dagster-call-", 0).factory());

	private final Duration launchBound;

	private final Duration readBound;

	/**
	 * The launch every refresh caller waits on until it completes; guarded by
	 * {@code this}.
	 */
	private CompletableFuture<RefreshRun> launching;

	private volatile RefreshListener listener = RefreshListener.NONE;

	public RefreshService(DagsterClient dagster, RefreshProperties properties) {
		this.dagster = dagster;
		// A launch is a status read and then the launch itself, a run read may need a
		// second read for the failure
		// message; each is already bounded by the HTTP client's connect and read
		// timeouts.
		this.launchBound = properties.connectTimeout()
			.multipliedBy(2)
			.plus(properties.requestTimeout())
			.plus(properties.launchTimeout());
		this.readBound = properties.connectTimeout().plus(properties.requestTimeout()).multipliedBy(2);
	}

	/** The unfinished refresh run if there is one, else a newly launched one. */
	public CompletableFuture<RefreshRun> refresh(Caller caller) {
		requireRefreshScope(caller);
		synchronized (this) {
			if (launching == null || launching.isDone()) {
				launching = call(() -> dagster.unfinishedRun().orElseGet(dagster::launch), launchBound);
				launching.whenComplete((run, failure) -> listener
					.launchEnded(Optional.ofNullable(failure).map(RefreshService::codeOf)));
			}
			// A copy, so that one caller cancelling its request cancels nobody else's
			// wait.
			return launching.copy();
		}
	}

	/** Who is told how each launch ended from now on (one listener: the metrics). */
	public void setListener(RefreshListener listener) {
		this.listener = listener;
	}

	/** The run with this id, with Dagster's failure message when it failed. */
	public CompletableFuture<RefreshRun> run(Caller caller, String id) {
		requireRefreshScope(caller);
		String runId = requireRunId(id);
		return call(() -> {
			RefreshRun run = dagster.run(runId)
				.orElseThrow(() -> ErrorCode.NOT_FOUND.exception("No refresh run with id " + runId));
			return run.status() == RefreshStatus.FAILURE ? run.withMessage(dagster.failureMessage(runId)) : run;
		}, readBound);
	}

	private <T> CompletableFuture<T> call(Supplier<T> work, Duration bound) {
		CompletableFuture<T> result;
		try {
			result = CompletableFuture.supplyAsync(work, dagsterCalls);
		}
		catch (RejectedExecutionException e) {
			return CompletableFuture
				.failedFuture(ErrorCode.UNAVAILABLE.exception("The refresh service is busy; try again shortly"));
		}
		return result.orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS).exceptionally(RefreshService::rethrow);
	}

	/** A call past its bound becomes UNAVAILABLE; any other failure passes as it is. */
	private static <T> T rethrow(Throwable failure) {
		Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
				: failure;
		if (cause instanceof TimeoutException) {
			throw ErrorCode.UNAVAILABLE.exception("The refresh service (Dagster) is not answering");
		}
		throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
	}

	private static ErrorCode codeOf(Throwable failure) {
		Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
				: failure;
		return cause instanceof AnalyticsException coded ? coded.code() : ErrorCode.INTERNAL;
	}

	/**
	 * A run is an operator's action on everyone's data, not one user's, so it needs its
	 * own scope.
	 */
	private static void requireRefreshScope(Caller caller) {
		if (!caller.hasScope(Caller.REFRESH_SCOPE)) {
			throw ErrorCode.FORBIDDEN.exception("Refreshing needs the " + Caller.REFRESH_SCOPE + " scope");
		}
	}

	/**
	 * Dagster's run ids are UUIDs; anything else cannot name a run and is not passed on.
	 */
	private static String requireRunId(String id) {
		try {
			return UUID.fromString(id).toString();
		}
		catch (IllegalArgumentException e) {
			throw ErrorCode.BAD_REQUEST.exception("A refresh run id is a UUID");
		}
	}

	@PreDestroy
	void stop() {
		dagsterCalls.shutdownNow();
	}

}
