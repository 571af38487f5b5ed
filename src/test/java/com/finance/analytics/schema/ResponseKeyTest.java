package com.finance.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.finance.analytics.security.Caller;

/**
 * A kept answer is found only by the key of the same snapshot, the same caller and the
 * same request: any difference in one of them is another key.
 */
class ResponseKeyTest {

	private static final Caller ALICE = new Caller(UUID.fromString("00000000-0000-0000-0000-00000000000a"), Set.of());

	private static final Caller BOB = new Caller(UUID.fromString("00000000-0000-0000-0000-00000000000b"), Set.of());

	private static final String DOCUMENT = "query($s: Date) { monthlyTrends(startDate: $s) { month } }";

	@Test
	void sameSnapshotCallerAndRequestIsTheSameKey() {
		assertThat(key("s1", ALICE, Map.of("s", "2026-01-01"))).isEqualTo(key("s1", ALICE, Map.of("s", "2026-01-01")))
			.hasSameHashCodeAs(key("s1", ALICE, Map.of("s", "2026-01-01")));
	}

	@Test
	void anotherUserOrSnapshotOrVariableIsAnotherKey() {
		ResponseKey alice = key("s1", ALICE, Map.of("s", "2026-01-01"));

		assertThat(key("s1", BOB, Map.of("s", "2026-01-01"))).isNotEqualTo(alice);
		assertThat(key("s2", ALICE, Map.of("s", "2026-01-01"))).isNotEqualTo(alice);
		assertThat(key("s1", ALICE, Map.of("s", "2026-02-01"))).isNotEqualTo(alice);
		assertThat(key("s1", new Caller(ALICE.userId(), Set.of(Caller.REFRESH_SCOPE)), Map.of("s", "2026-01-01")))
			.as("other scopes")
			.isNotEqualTo(alice);
	}

	@Test
	void nullVariableIsKeptAndLaterChangesOfTheRequestDoNotReachTheKey() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("s", null);
		ResponseKey key = key("s1", ALICE, variables);
		variables.put("s", "2026-01-01");

		assertThat(key.variables()).containsEntry("s", null);
		assertThat(key.weight()).isPositive();
	}

	private static ResponseKey key(String snapshotId, Caller caller, Map<String, Object> variables) {
		return new ResponseKey(snapshotId, caller, DOCUMENT, null, variables, Map.of());
	}

}
