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
 * both come through here). A refresh is answered once Dagster has said whether a run of
 * the job is unfinished (a quick status read): that run if there is one, else a new run
 * with an id the gateway made, in state LAUNCHING, whose launch goes on in the background
 * (Dagster plans the whole dbt job before {@code launchRun} returns, seconds on a busy
 * machine). Every Dagster call runs on this service's own few threads, never on a request
 * thread, and each is bounded (UNAVAILABLE when Dagster has not answered in time), so a
 * Dagster that accepts connections and never answers cannot take the threads that serve
 * queries. Concurrent refreshes share the one status read in progress (single flight),
 * including its deadline, and then the one launch in progress. Asking Dagster for an
 * unfinished run of the job covers runs launched before a restart, by another gateway or
 * from Dagster's UI.
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
	 * The status read (and the launch it may start) every refresh caller waits on until
	 * it completes; guarded by {@code this}.
	 */
	private CompletableFuture<RefreshRun> launching;

	private final RecentLaunches launches = new RecentLaunches();

	private volatile RefreshListener listener = RefreshListener.NONE;

	public RefreshService(DagsterClient dagster, RefreshProperties properties) {
		this.dagster = dagster;
		// A run read may need a second read for the failure message; each call is
		// already bounded by the HTTP client's connect and read timeouts.
		this.launchBound = properties.connectTimeout().plus(properties.launchTimeout());
		this.readBound = properties.connectTimeout().plus(properties.requestTimeout()).multipliedBy(2);
	}

	/**
	 * The unfinished refresh run if there is one, else a new one that is being launched.
	 */
	public CompletableFuture<RefreshRun> refresh(Caller caller) {
		requireRefreshScope(caller);
		synchronized (this) {
			if (launching == null || launching.isDone()) {
				Optional<String> pending = launches.inProgress();
				if (pending.isPresent()) {
					return CompletableFuture.completedFuture(RefreshRun.launching(pending.get()));
				}
				launching = call(this::unfinishedOrLaunched, readBound);
				// A launched run tells the listener when its launch ends, in the
				// background.
				launching.whenComplete((run, failure) -> {
					if (failure != null || run.status() != RefreshStatus.LAUNCHING) {
						listener.launchEnded(Optional.ofNullable(failure).map(RefreshService::codeOf));
					}
				});
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

	/**
	 * The run with this id, with Dagster's failure message when it failed; LAUNCHING
	 * while this gateway is still handing it to Dagster, and the launch's own error when
	 * Dagster never got it.
	 */
	public CompletableFuture<RefreshRun> run(Caller caller, String id) {
		requireRefreshScope(caller);
		String runId = requireRunId(id);
		Optional<CompletableFuture<RefreshRun>> ours = launches.get(runId);
		if (ours.isPresent() && !ours.get().isDone()) {
			return CompletableFuture.completedFuture(RefreshRun.launching(runId));
		}
		// Dagster first even for a launch that failed here: one that only timed out may
		// still have created the run.
		return call(() -> dagster.run(runId).orElseThrow(() -> unknownRun(runId, ours)), readBound);
	}

	/**
	 * Started on a Dagster thread once the status read found no unfinished run: the run
	 * gets its id here and is registered before the callers are answered, so every later
	 * caller sees it.
	 */
	private RefreshRun unfinishedOrLaunched() {
		Optional<RefreshRun> unfinished = dagster.unfinishedRun();
		if (unfinished.isPresent()) {
			return unfinished.get();
		}
		String id = UUID.randomUUID().toString();
		CompletableFuture<RefreshRun> launch = call(() -> dagster.launch(id), launchBound);
		launches.add(id, launch);
		launch.whenComplete(
				(run, failure) -> listener.launchEnded(Optional.ofNullable(failure).map(RefreshService::codeOf)));
		return RefreshRun.launching(id);
	}

	/**
	 * Why Dagster knows no run with this id: a launch of it by this gateway failed (with
	 * that launch's code), or there is no such run.
	 */
	private static AnalyticsException unknownRun(String runId, Optional<CompletableFuture<RefreshRun>> ours) {
		Throwable failure = ours.map(launch -> launch.handle((run, thrown) -> thrown).join()).orElse(null);
		if (failure == null) {
			return ErrorCode.NOT_FOUND.exception("No refresh run with id " + runId);
		}
		Throwable cause = unwrap(failure);
		String reason = cause instanceof AnalyticsException coded ? ": " + coded.getMessage() : "";
		return codeOf(failure).exception("Refresh run " + runId + " was not launched" + reason
				+ ". The current snapshot keeps serving; start another refresh.");
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
		Throwable cause = unwrap(failure);
		if (cause instanceof TimeoutException) {
			throw ErrorCode.UNAVAILABLE.exception("The refresh service (Dagster) is not answering");
		}
		throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
	}

	private static ErrorCode codeOf(Throwable failure) {
		return unwrap(failure) instanceof AnalyticsException coded ? coded.code() : ErrorCode.INTERNAL;
	}

	private static Throwable unwrap(Throwable failure) {
		return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
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
