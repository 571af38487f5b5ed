package com.finance.analytics.security;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the requests each user has in progress and admits one more only below the limit.
 * A user without requests has no entry, so the map holds the active users only.
 */
final class UserConcurrencyLimit {

	private final int limit;

	private final Map<UUID, Integer> inProgress = new ConcurrentHashMap<>();

	UserConcurrencyLimit(int limit) {
		this.limit = limit;
	}

	int limit() {
		return limit;
	}

	/**
	 * @return true when the user was below the limit and now holds one more place, which
	 * {@link #leave} frees
	 */
	boolean tryEnter(UUID user) {
		boolean[] admitted = { false };
		inProgress.compute(user, (id, count) -> {
			int current = count == null ? 0 : count;
			if (current >= limit) {
				return count;
			}
			admitted[0] = true;
			return current + 1;
		});
		return admitted[0];
	}

	void leave(UUID user) {
		inProgress.computeIfPresent(user, (id, count) -> count <= 1 ? null : count - 1);
	}

	int inProgress(UUID user) {
		return inProgress.getOrDefault(user, 0);
	}

}
