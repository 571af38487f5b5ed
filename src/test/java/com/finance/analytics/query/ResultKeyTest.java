package com.finance.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The cache key names its user and snapshot on its own: equal SQL and values are not
 * enough for one user's or one snapshot's entry to answer another.
 */
class ResultKeyTest {

	private static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000000a");

	private static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-00000000000b");

	private static final SqlStatement STATEMENT = new SqlStatement("select 1 where ? is not null", List.of(ALICE));

	@Test
	void sameStatementOfAnotherUserIsAnotherKey() {
		assertThat(ResultKey.of("s1", BOB, "rows", STATEMENT))
			.isNotEqualTo(ResultKey.of("s1", ALICE, "rows", STATEMENT));
	}

	@Test
	void sameStatementOnAnotherSnapshotIsAnotherKey() {
		assertThat(ResultKey.of("s2", ALICE, "rows", STATEMENT))
			.isNotEqualTo(ResultKey.of("s1", ALICE, "rows", STATEMENT));
	}

	@Test
	void sameStatementReadAnotherWayIsAnotherKey() {
		assertThat(ResultKey.of("s1", ALICE, "count", STATEMENT))
			.isNotEqualTo(ResultKey.of("s1", ALICE, "rows", STATEMENT));
	}

	@Test
	void sameStatementUserAndSnapshotIsTheSameKey() {
		assertThat(ResultKey.of("s1", ALICE, "rows", new SqlStatement(STATEMENT.sql(), List.of(ALICE))))
			.isEqualTo(ResultKey.of("s1", ALICE, "rows", STATEMENT));
	}

}
