package com.finance.analytics.refresh;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The runs this gateway launched lately, by the id it gave them: Dagster knows a run only
 * once its launch returns (it plans the whole job first), so until then, and for a launch
 * that failed, only this gateway can say what became of the id. Bounded to the newest
 * launches; an older id is Dagster's to answer.
 */
final class RecentLaunches {

	/** Launches remembered; one at a time runs, so these are the last few attempts. */
	private static final int KEPT = 16;

	private final Map<String, CompletableFuture<RefreshRun>> launches = new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<RefreshRun>> eldest) {
			return size() > KEPT;
		}

	};

	synchronized void add(String id, CompletableFuture<RefreshRun> launch) {
		launches.put(id, launch);
	}

	/** The id of a launch still waiting for Dagster's answer, if there is one. */
	synchronized Optional<String> inProgress() {
		return launches.entrySet()
			.stream()
			.filter(launch -> !launch.getValue().isDone())
			.map(Map.Entry::getKey)
			.findFirst();
	}

	synchronized Optional<CompletableFuture<RefreshRun>> get(String id) {
		return Optional.ofNullable(launches.get(id));
	}

}
