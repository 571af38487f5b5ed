package com.finance.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.ColumnType;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.catalog.DatasetFilters;
import com.finance.analytics.error.AnalyticsException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The statements a dataset query turns into: always scoped, only catalog identifiers,
 * only bind parameters.
 */
class DatasetSqlTest {

	private static final UUID USER = UUID.fromString("00000000-0000-0000-0000-00000000000a");

	private static final UUID TAG = UUID.fromString("00000000-0000-0000-0000-00000000000b");

	private static final Dataset TRANSACTIONS = new Dataset("fct_transactions", "Transactions", "facts", "day", "",
			"main", "fct_transactions",
			List.of(column("transaction_id", "UUID"), column("user_id", "UUID"), column("booking_date", "DATE"),
					column("amount", "DECIMAL(18,2)"), column("tag_ids", "UUID[]"), column("weird\"name", "VARCHAR")),
			new DatasetFilters("user_id", Optional.of("booking_date"), Optional.empty(), Optional.of("tag_ids")),
			Optional.empty(), Optional.of("transaction_id"));

	@Test
	void everyStatementIsScopedToTheCallerFirst() {
		SqlStatement page = DatasetSql.page(TRANSACTIONS, TRANSACTIONS.columns(), USER, DatasetFilter.NONE, List.of(),
				10, 0);
		SqlStatement count = DatasetSql.count(TRANSACTIONS, USER, DatasetFilter.NONE);
		SqlStatement lookup = DatasetSql.lookup(TRANSACTIONS, "transaction_id", USER, List.of(TAG));

		for (SqlStatement statement : List.of(page, count, lookup)) {
			assertThat(statement.sql()).contains(" where \"user_id\" = ?");
			assertThat(statement.parameters().getFirst()).isEqualTo(USER);
		}
	}

	@Test
	void pageCarriesTheCountOfAllFilteredRowsAfterItsColumns() {
		SqlStatement page = DatasetSql.page(TRANSACTIONS, TRANSACTIONS.columns(), USER, DatasetFilter.NONE, List.of(),
				10, 0);

		assertThat(page.sql()).contains("\"weird\"\"name\", count(*) over () from").endsWith(" limit ? offset ?");
	}

	@Test
	void uncountedPageIsThePageWithoutItsCount() {
		DatasetFilter january = DatasetFilter.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"), null,
				null);
		SqlStatement counted = DatasetSql.page(TRANSACTIONS, TRANSACTIONS.columns(), USER, january, List.of(), 10, 20);
		SqlStatement uncounted = DatasetSql.uncountedPage(TRANSACTIONS, TRANSACTIONS.columns(), USER, january,
				List.of(), 10, 20);

		assertThat(uncounted.sql()).isEqualTo(counted.sql().replace(", count(*) over ()", ""));
		assertThat(uncounted.parameters()).isEqualTo(counted.parameters());
	}

	@Test
	void dateCountsGroupTheCallersRowsByTheDateColumn() {
		SqlStatement counts = DatasetSql.dateCounts(TRANSACTIONS, "booking_date", USER);

		assertThat(counts.sql()).isEqualTo("select \"booking_date\", count(*) from \"main\".\"fct_transactions\""
				+ " where \"user_id\" = ? group by \"booking_date\"");
		assertThat(counts.parameters()).containsExactly(USER);
	}

	@Test
	void dateTotalsSumTheCallersDatedRowsPerDateAndGroupDatesAscending() {
		SqlStatement totals = DatasetSql.dateTotals(TRANSACTIONS, "booking_date", USER, List.of("transaction_id"),
				List.of("amount"));

		assertThat(totals.sql()).isEqualTo("select \"booking_date\", \"transaction_id\", sum(\"amount\") as \"amount\""
				+ " from \"main\".\"fct_transactions\" where \"user_id\" = ? and \"booking_date\" is not null"
				+ " group by \"booking_date\", \"transaction_id\" order by \"booking_date\"");
		assertThat(totals.parameters()).containsExactly(USER);
	}

	@Test
	void orderedRowsAreScopedToTheUserAndCarryNoCount() {
		SqlStatement ordered = DatasetSql.ordered(TRANSACTIONS, USER, DatasetFilter.NONE, List.of(), 10_001);

		assertThat(ordered.sql()).contains(" where \"user_id\" = ?").doesNotContain(" over ").endsWith(" limit ?");
		assertThat(ordered.parameters()).containsExactly(USER, 10_001);
	}

	@Test
	void filterValuesAreBoundNeverInlined() {
		DatasetFilter filter = DatasetFilter.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"), List.of(),
				List.of(TAG));
		SqlStatement page = DatasetSql.page(TRANSACTIONS, TRANSACTIONS.columns(), USER, filter, List.of(), 10, 20);

		assertThat(page.sql()).doesNotContain("2026")
			.doesNotContain(TAG.toString())
			.contains("\"booking_date\" >= ?", "\"booking_date\" <= ?", "limit ? offset ?");
		assertThat(page.parameters()).containsExactly(USER, LocalDate.parse("2026-01-01"),
				LocalDate.parse("2026-01-31"), TAG, 10, 20);
	}

	@Test
	void tagFilterOnAListColumnMeansHasAnyOf() {
		SqlStatement count = DatasetSql.count(TRANSACTIONS, USER,
				DatasetFilter.of(null, null, List.of(), List.of(TAG, USER)));
		assertThat(count.sql()).contains("list_has_any(\"tag_ids\", [?, ?])");
	}

	@Test
	void identifiersAreQuotedSoNoColumnNameCanBreakOut() {
		SqlStatement page = DatasetSql.page(TRANSACTIONS, TRANSACTIONS.columns(), USER, DatasetFilter.NONE, List.of(),
				1, 0);
		assertThat(page.sql()).contains("\"weird\"\"name\"").contains("from \"main\".\"fct_transactions\"");
	}

	@Test
	void requestedOrderComesFirstAndTiesBreakUpToTheUniqueKey() {
		SqlStatement page = DatasetSql.page(TRANSACTIONS, TRANSACTIONS.columns(), USER, DatasetFilter.NONE,
				List.of(new OrderBy("amount", SortDirection.DESC)), 10, 0);
		assertThat(page.sql()).endsWith("order by \"amount\" desc nulls last, \"booking_date\" asc nulls first, "
				+ "\"transaction_id\" asc nulls first limit ? offset ?");
	}

	@Test
	void withoutAUniqueKeyEveryScalarColumnBreaksTies() {
		Dataset keyless = new Dataset(TRANSACTIONS.id(), "", "", "", "", "main", TRANSACTIONS.table(),
				TRANSACTIONS.columns(), TRANSACTIONS.filters(), Optional.empty(), Optional.empty());
		SqlStatement page = DatasetSql.page(keyless, keyless.columns(), USER, DatasetFilter.NONE,
				List.of(new OrderBy("amount", SortDirection.DESC)), 10, 0);
		assertThat(page.sql())
			.endsWith("order by \"amount\" desc nulls last, \"booking_date\" asc nulls first, "
					+ "\"transaction_id\" asc nulls first, \"user_id\" asc nulls first, "
					+ "\"weird\"\"name\" asc nulls first limit ? offset ?")
			.doesNotContain("\"tag_ids\" asc");
	}

	@Test
	void groupedTotalsLeaveTheOrderToJava() {
		SqlStatement totals = DatasetSql.aggregate(TRANSACTIONS, USER, DatasetFilter.NONE, List.of("booking_date"),
				List.of("amount"));
		assertThat(totals.sql()).endsWith(" group by \"booking_date\"").doesNotContain("order by");
	}

	@Test
	void unknownColumnsAndUndeclaredFiltersAreRefused() {
		assertThatThrownBy(() -> DatasetSql.page(TRANSACTIONS, TRANSACTIONS.columns(), USER, DatasetFilter.NONE,
				List.of(new OrderBy("1; drop table x", SortDirection.ASC)), 10, 0))
			.isInstanceOf(AnalyticsException.class);
		assertThatThrownBy(
				() -> DatasetSql.count(TRANSACTIONS, USER, DatasetFilter.of(null, null, List.of(USER), List.of())))
			.isInstanceOf(AnalyticsException.class)
			.hasMessageContaining("accountIds");
	}

	@Test
	void limitsAreEnforcedNotClamped() {
		assertThatThrownBy(() -> new DatasetQuery(DatasetFilter.NONE, List.of(), DatasetQuery.MAX_LIMIT + 1, 0))
			.isInstanceOf(AnalyticsException.class)
			.hasMessageContaining("limit");
		assertThatThrownBy(() -> DatasetFilter.of(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-01-01"),
				List.of(), List.of()))
			.isInstanceOf(AnalyticsException.class)
			.hasMessageContaining("before");
	}

	private static Column column(String name, String type) {
		return new Column(name, ColumnType.of(type), "", true);
	}

}
