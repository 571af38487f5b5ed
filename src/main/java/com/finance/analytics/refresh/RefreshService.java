package com.finance.analytics.refresh;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Service;

import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.security.Caller;

/**
 * Starts refreshes one at a time, for callers holding the refresh scope (GraphQL and REST both come through here). The lock keeps two requests to this gateway from both launching; asking Dagster
 * for an unfinished run of the job covers runs launched before a restart, by another gateway or from Dagster's UI.
 */
@Service
public class RefreshService {

    private final DagsterClient dagster;
    private final ReentrantLock launching = new ReentrantLock();
    private final long lockWaitMillis;

    public RefreshService(DagsterClient dagster, RefreshProperties properties) {
        this.dagster = dagster;
        // Whoever holds the lock makes at most a status read and a launch, both bounded; waiting longer means Dagster
        // is stuck.
        this.lockWaitMillis = 2 * properties.connectTimeout().toMillis() + properties.requestTimeout().toMillis()
                + properties.launchTimeout().toMillis();
    }

    /** The unfinished refresh run if there is one, else a newly launched one. */
    public RefreshRun refresh(Caller caller) {
        requireRefreshScope(caller);
        acquireLaunchLock();
        try {
            Optional<RefreshRun> unfinished = dagster.unfinishedRun();
            return unfinished.orElseGet(dagster::launch);
        } finally {
            launching.unlock();
        }
    }

    /** The run with this id, with Dagster's failure message when it failed. */
    public RefreshRun run(Caller caller, String id) {
        requireRefreshScope(caller);
        String runId = requireRunId(id);
        RefreshRun run = dagster.run(runId)
                .orElseThrow(() -> ErrorCode.NOT_FOUND.exception("No refresh run with id " + runId));
        return run.status() == RefreshStatus.FAILURE ? run.withMessage(dagster.failureMessage(runId)) : run;
    }

    /** A run is an operator's action on everyone's data, not one user's, so it needs its own scope. */
    private static void requireRefreshScope(Caller caller) {
        if (!caller.hasScope(Caller.REFRESH_SCOPE)) {
            throw ErrorCode.FORBIDDEN.exception("Refreshing needs the " + Caller.REFRESH_SCOPE + " scope");
        }
    }

    private void acquireLaunchLock() {
        try {
            if (!launching.tryLock(lockWaitMillis, TimeUnit.MILLISECONDS)) {
                throw ErrorCode.UNAVAILABLE.exception("The refresh service (Dagster) is not answering");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ErrorCode.UNAVAILABLE.exception("Interrupted while waiting to start a refresh", e);
        }
    }

    /** Dagster's run ids are UUIDs; anything else cannot name a run and is not passed on. */
    private static String requireRunId(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw ErrorCode.BAD_REQUEST.exception("A refresh run id is a UUID");
        }
    }
}
