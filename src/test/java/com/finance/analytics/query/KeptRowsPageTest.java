package com.finance.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.GatewayTest;
import com.finance.analytics.SourceData;
import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.security.Caller;
import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pages cut from a user's kept rows ({@link UserRows}) on the real snapshot: every one
 * equals the page DuckDB reads with the statement it replaces, rows and order, for every
 * column in either direction (null counterparties included), with and without date
 * ranges, open ends and offsets; a kept page runs no statement; and each user's pages
 * come from their own rows.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptRowsPageTest {

	private static final String DATASET = "fct_transactions";

	private static final LocalDate MONTH_START = LocalDate.parse("2026-03-01");

	private static final LocalDate MONTH_END = LocalDate.parse("2026-03-31");

	@Autowired
	private DatasetQueryService datasets;

	@Autowired
	private SnapshotManager snapshots;

	@Autowired
	private QueryExecutor executor;

	private List<UUID> users;

	@BeforeAll
	void pickUsers() throws Exception {
		try (SourceData source = SourceData.open()) {
			List<UUID> byActivity = source.usersByActivity();
			users = List.of(byActivity.get(5), byActivity.get(6));
		}
	}

	@Test
	void everyOrderAndRangeCutFromKeptRowsEqualsTheStatementsPage() {
		Snapshot snapshot = snapshots.current().orElseThrow();
		Dataset dataset = snapshot.catalog().requireDataset(DATASET);
		List<DatasetFilter> ranges = List.of(DatasetFilter.NONE, DatasetFilter.of(MONTH_START, MONTH_END, null, null),
				DatasetFilter.of(MONTH_START, null, null, null), DatasetFilter.of(null, MONTH_END, null, null));
		int compared = 0;
		for (UUID user : users) {
			Caller caller = new Caller(user, Set.of());
			keepRowsOf(snapshot, caller);
			for (List<OrderBy> order : orders(dataset)) {
				for (DatasetFilter range : ranges) {
					for (int offset : new int[] { 0, 7 }) {
						DatasetQuery query = new DatasetQuery(range, order, 40, offset);
						Page kept = datasets.query(snapshot, caller, DATASET, query);
						CountedRows read = statementPage(snapshot, dataset, user, query);
						assertThat(kept.rows()).as("%s %s offset %d", order, range, offset).isEqualTo(read.rows());
						compared += kept.rows().size();
					}
				}
			}
		}
		assertThat(compared).as("rows compared").isGreaterThan(5_000);
	}

	@Test
	void pageFromKeptRowsRunsNoStatement() {
		Snapshot snapshot = snapshots.current().orElseThrow();
		Caller caller = new Caller(users.getFirst(), Set.of());
		keepRowsOf(snapshot, caller);
		DatasetQuery query = new DatasetQuery(DatasetFilter.of(MONTH_START, MONTH_END, null, null),
				List.of(new OrderBy("amount", SortDirection.DESC)), 3, 2);

		long before = executor.statementsExecuted();
		Page page = datasets.query(snapshot, caller, DATASET, query);

		assertThat(executor.statementsExecuted() - before).isZero();
		assertThat(page.rows()).hasSize(3).allSatisfy(row -> assertThat(row).containsKey("amount"));
	}

	/**
	 * A user's rows are read on their second dated page of the snapshot; any two pages
	 * make sure they are kept, whatever ran before.
	 */
	private void keepRowsOf(Snapshot snapshot, Caller caller) {
		for (int i = 0; i < 2; i++) {
			datasets.query(snapshot, caller, DATASET,
					new DatasetQuery(DatasetFilter.of(MONTH_START, MONTH_END, null, null), List.of(), 1, i));
		}
	}

	private CountedRows statementPage(Snapshot snapshot, Dataset dataset, UUID user, DatasetQuery query) {
		SqlStatement statement = DatasetSql.page(dataset, dataset.columns(), user, query.filter(), query.orderBy(),
				query.limit(), query.offset());
		return executor.execute(snapshot, statement, rows -> RowReader.readCounted(rows, dataset.columns()));
	}

	/** No order, then each scalar column ascending and descending. */
	private static List<List<OrderBy>> orders(Dataset dataset) {
		List<List<OrderBy>> orders = new ArrayList<>();
		orders.add(List.of());
		for (Column column : dataset.columns()) {
			if (!column.type().list()) {
				orders.add(List.of(new OrderBy(column.name(), SortDirection.ASC)));
				orders.add(List.of(new OrderBy(column.name(), SortDirection.DESC)));
			}
		}
		return orders;
	}

}
