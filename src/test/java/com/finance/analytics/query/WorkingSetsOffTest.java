package com.finance.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.finance.analytics.GatewayTest;
import com.finance.analytics.SourceData;
import com.finance.analytics.security.Caller;
import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotManager;

/**
 * With users' working sets switched off, a page filtered by dates counts in its own
 * statement: reading the user's rows per date would cost a statement on every page.
 */
@GatewayTest
@TestPropertySource(properties = "analytics.cache.working-set-max-size=0")
class WorkingSetsOffTest {

	private static final LocalDate START = LocalDate.parse("2026-01-01");

	private static final LocalDate END = LocalDate.parse("2026-03-31");

	@Autowired
	private DatasetQueryService datasets;

	@Autowired
	private SnapshotManager snapshots;

	@Autowired
	private QueryExecutor executor;

	@Test
	void datedPageWithoutWorkingSetsIsOneStatementWithItsCount() throws Exception {
		UUID user;
		long expected;
		try (SourceData source = SourceData.open()) {
			user = source.usersByActivity().getFirst();
			expected = source.transactionCount(user, START, END, List.of());
		}
		Snapshot snapshot = snapshots.current().orElseThrow();
		DatasetQuery query = new DatasetQuery(DatasetFilter.of(START, END, null, null), List.of(), 10, 0);

		long before = executor.statementsExecuted();
		Page page = datasets.query(snapshot, new Caller(user, Set.of()), "fct_transactions", query);

		assertThat(executor.statementsExecuted() - before).isOne();
		assertThat(page.totalCount()).isPositive().isEqualTo(expected);
		assertThat(page.rows()).hasSize(10);
	}

}
