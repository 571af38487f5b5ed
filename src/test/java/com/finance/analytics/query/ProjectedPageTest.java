package com.finance.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.finance.analytics.GatewayTest;
import com.finance.analytics.SourceData;
import com.finance.analytics.security.Caller;
import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotManager;

/**
 * A page that names the columns it reads has rows of only those columns, with the values
 * of the page that reads them all, in the same order.
 */
@GatewayTest
class ProjectedPageTest {

	@Autowired
	private DatasetQueryService datasets;

	@Autowired
	private SnapshotManager snapshots;

	@Test
	void pageOfNamedColumnsHasTheirValuesOfTheFullPage() throws Exception {
		UUID user;
		try (SourceData source = SourceData.open()) {
			user = source.usersByActivity().getFirst();
		}
		Caller caller = new Caller(user, Set.of());
		Snapshot snapshot = snapshots.current().orElseThrow();
		List<OrderBy> order = List.of(new OrderBy("amount", SortDirection.DESC));
		DatasetQuery all = new DatasetQuery(DatasetFilter.NONE, order, 40, 3);

		Page full = datasets.query(snapshot, caller, "fct_transactions", all);
		Page projected = datasets.query(snapshot, caller, "fct_transactions",
				all.reading(Set.of("transaction_id", "amount")));

		assertThat(projected.totalCount()).isEqualTo(full.totalCount());
		assertThat(projected.rows()).hasSize(40);
		assertThat(projected.rows()).isEqualTo(full.rows()
			.stream()
			.map(row -> Map.of("transaction_id", row.get("transaction_id"), "amount", row.get("amount")))
			.toList());
		assertThat(full.rows().getFirst().keySet()).contains("description", "tag_ids");
	}

}
