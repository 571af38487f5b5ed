package com.finance.analytics.query;

import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.ColumnType;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.catalog.ScalarKind;
import com.finance.analytics.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's working sets of a dataset, each read from the snapshot once per user and kept
 * in the working sets' region of {@link ResultCache} until the next swap: the rows per
 * date ({@link DateCounts}), the whole rows kept by column ({@link UserRows}) and the
 * sums per group and date ({@link DateTotals}). They answer requests filtered by dates
 * alone, on a dataset whose date column holds dates.
 */
final class WorkingSets {

	/** The user's rows per date of a dataset. */
	private static final String DATE_COUNTS = "date-counts";

	/** The user's whole rows of a dataset kept by column. */
	private static final String KEPT_ROWS = "kept rows";

	/** The user's sums per group and date of a dataset. */
	private static final String DATE_TOTALS = "date-totals";

	private final QueryExecutor executor;

	private final ResultCache cache;

	private final int maxRows;

	/**
	 * @param maxRows the most rows of one user kept by column
	 * ({@code analytics.cache.working-set-rows})
	 */
	WorkingSets(QueryExecutor executor, ResultCache cache, int maxRows) {
		this.executor = executor;
		this.cache = cache;
		this.maxRows = maxRows;
	}

	/**
	 * The user's rows per date, with whether they were kept before this request (the
	 * doorkeeper of {@link #keptRows}).
	 */
	record Dated(DateCounts counts, boolean returning) {
	}

	/**
	 * The dataset's date column, when working sets answer {@code filter}: they are kept,
	 * the filter restricts nothing but the dates, and the date column holds dates (a
	 * timestamp compares with a date range differently). Without working sets kept, each
	 * would cost a statement on every request.
	 */
	Optional<String> dateColumn(Dataset dataset, DatasetFilter filter) {
		if (!cache.keepsWorkingSets() || !filter.accountIds().isEmpty() || !filter.tagIds().isEmpty()) {
			return Optional.empty();
		}
		return dataset.filters().dateColumn().filter(name -> {
			ColumnType type = dataset.requireColumn(name).type();
			return type.kind() == ScalarKind.DATE && !type.list();
		});
	}

	Dated counts(Snapshot snapshot, UUID userId, Dataset dataset, String dateColumn) {
		SqlStatement statement = DatasetSql.dateCounts(dataset, dateColumn, userId);
		boolean returning = cache.holdsWorkingSet(snapshot, userId, DATE_COUNTS, statement);
		DateCounts counts = cache.workingSet(snapshot, userId, DATE_COUNTS, statement,
				() -> executor.execute(snapshot, statement, RowReader::readDateCounts));
		return new Dated(counts, returning);
	}

	/**
	 * The user's whole rows of the dataset, when pages in {@code order} can be cut from
	 * them: the dataset has a unique key (so the order is total), no term orders
	 * floating-point numbers (Java and DuckDB differ on negative zero), and the user has
	 * at most {@code maxRows} rows. They are read on the user's second dated page of the
	 * snapshot (the rows per date were kept before): a user who asks once costs no more
	 * than a page.
	 */
	Optional<UserRows> keptRows(Snapshot snapshot, UUID userId, Dataset dataset, List<OrderTerm> order, Dated dated) {
		if (dataset.keyColumn().isEmpty()
				|| order.stream().anyMatch(term -> term.column().type().kind() == ScalarKind.FLOAT)
				|| dated.counts().count(Optional.empty(), Optional.empty()) > maxRows) {
			return Optional.empty();
		}
		SqlStatement statement = DatasetSql.rows(dataset, userId, maxRows + 1);
		if (!dated.returning() && !cache.holdsWorkingSet(snapshot, userId, KEPT_ROWS, statement)) {
			return Optional.empty();
		}
		return Optional.of(cache.workingSet(snapshot, userId, KEPT_ROWS, statement,
				() -> UserRows.of(dataset.columns(), executor.rows(snapshot, statement, dataset.columns()))));
	}

	/**
	 * The user's sums per group and date, when they answer {@code filter}: as for
	 * {@link #dateColumn}, with at least one end of the dates (undated rows are not
	 * kept), no list among the groups, and every measure summing exactly in a
	 * {@code long} ({@link DateTotals#summable}). Read once per user and snapshot, they
	 * total every such range.
	 */
	Optional<DateTotals> totals(Snapshot snapshot, UUID userId, Dataset dataset, DatasetFilter filter,
			List<Column> groups, List<String> measures) {
		if (!filter.hasDateRange() || groups.stream().anyMatch(column -> column.type().list())) {
			return Optional.empty();
		}
		List<DateTotals.Sum> sums = new ArrayList<>();
		for (String measure : measures) {
			Optional<DateTotals.Sum> sum = DateTotals.summable(dataset.requireColumn(measure));
			if (sum.isEmpty()) {
				return Optional.empty();
			}
			sums.add(sum.get());
		}
		return dateColumn(dataset, filter).flatMap(name -> {
			SqlStatement statement = DatasetSql.dateTotals(dataset, name, userId,
					groups.stream().map(Column::name).toList(), measures);
			return cache.workingSet(snapshot, userId, DATE_TOTALS, statement,
					() -> executor.execute(snapshot, statement, rows -> RowReader.readDateTotals(rows, groups, sums)));
		});
	}

}
