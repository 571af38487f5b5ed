package com.finance.analytics.query;

import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.ColumnType;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.catalog.ScalarKind;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.security.Caller;
import com.finance.analytics.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Pages through one dataset for the caller: validates the request, checks ownership of
 * ids, counts and fetches, answering from the caller's working sets (rows per date, rows
 * kept by column, sums per date) what they can answer.
 */
@Service
public class DatasetQueryService {

	/** The caller's rows per date of a dataset, in the working sets. */
	private static final String DATE_COUNTS = "date-counts";

	/** The caller's whole rows of a dataset kept by column, in the working sets. */
	private static final String KEPT_ROWS = "kept rows";

	private final QueryExecutor executor;

	private final OwnershipGuard ownership;

	private final ResultCache cache;

	private final int workingSetRows;

	public DatasetQueryService(QueryExecutor executor, OwnershipGuard ownership, ResultCache cache,
			ResultCacheProperties properties) {
		this.executor = executor;
		this.ownership = ownership;
		this.cache = cache;
		this.workingSetRows = properties.workingSetRows();
	}

	public Page query(Snapshot snapshot, Caller caller, String datasetId, DatasetQuery query) {
		Dataset dataset = checked(snapshot, caller, datasetId, query.filter(), query.orderBy());
		Optional<String> dated = datedPages(dataset, query.filter());
		if (dated.isPresent()) {
			return datedPage(snapshot, caller, dataset, dated.get(), query);
		}
		if (query.limit() == 0) {
			return new Page(List.of(), count(snapshot, caller, dataset, query.filter()), 0, query.offset());
		}
		List<Column> read = read(dataset, query.columns());
		SqlStatement statement = DatasetSql.page(dataset, read, caller.userId(), query.filter(), query.orderBy(),
				query.limit(), query.offset());
		CountedRows page = cache.get(snapshot, caller.userId(), "page", statement,
				() -> executor.execute(snapshot, statement, rows -> RowReader.readCounted(rows, read)));
		// An empty page past the end has no row to carry the total: only then is it
		// counted on its own.
		long total = page.rows().isEmpty() && query.offset() > 0 ? count(snapshot, caller, dataset, query.filter())
				: page.total();
		return new Page(page.rows(), total, query.limit(), query.offset());
	}

	/**
	 * The date column of pages whose total comes from the caller's rows per date: the
	 * filter restricts nothing but the dates of a dataset whose date column holds dates
	 * (a timestamp column compares with a date range differently). Without working sets
	 * kept, the rows per date would cost a statement on every page: pages then count in
	 * their own statement.
	 */
	private Optional<String> datedPages(Dataset dataset, DatasetFilter filter) {
		if (!cache.keepsWorkingSets() || !filter.accountIds().isEmpty() || !filter.tagIds().isEmpty()) {
			return Optional.empty();
		}
		return datedColumn(dataset);
	}

	/**
	 * A page whose total is known from the caller's rows per date (read once per user and
	 * snapshot): a page past the end, or of no rows, needs no statement; a page kept from
	 * before is answered as kept; else the page is cut from the caller's kept rows when
	 * there are any, and read by a statement without a count when there are none.
	 */
	private Page datedPage(Snapshot snapshot, Caller caller, Dataset dataset, String dateColumn, DatasetQuery query) {
		DatasetFilter filter = query.filter();
		SqlStatement countsStatement = DatasetSql.dateCounts(dataset, dateColumn, caller.userId());
		boolean returning = cache.holdsWorkingSet(snapshot, caller.userId(), DATE_COUNTS, countsStatement);
		DateCounts counts = cache.workingSet(snapshot, caller.userId(), DATE_COUNTS, countsStatement,
				() -> executor.execute(snapshot, countsStatement, RowReader::readDateCounts));
		long total = counts.count(filter.startDate(), filter.endDate());
		if (query.limit() == 0 || query.offset() >= total) {
			return new Page(List.of(), total, query.limit(), query.offset());
		}
		List<Column> read = read(dataset, query.columns());
		SqlStatement statement = DatasetSql.uncountedPage(dataset, read, caller.userId(), filter, query.orderBy(),
				query.limit(), query.offset());
		if (!cache.holds(snapshot, caller.userId(), "rows", statement)) {
			List<OrderTerm> order = DatasetSql.orderTerms(dataset, query.orderBy());
			Optional<UserRows> kept = keptRows(snapshot, caller, dataset, order, counts, returning);
			if (kept.isPresent()) {
				return new Page(kept.get()
					.page(dateColumn, filter.startDate(), filter.endDate(), order, read, query.limit(), query.offset()),
						total, query.limit(), query.offset());
			}
		}
		List<Map<String, Object>> rows = cache.get(snapshot, caller.userId(), "rows", statement,
				() -> executor.rows(snapshot, statement, read));
		return new Page(rows, total, query.limit(), query.offset());
	}

	/**
	 * The caller's whole rows of the dataset, kept in the working sets' region, when
	 * pages can be cut from them: the dataset has a unique key (so the order is total),
	 * no term orders floating-point numbers (Java and DuckDB differ on negative zero),
	 * and the caller has at most {@code workingSetRows} rows. They are read on the
	 * caller's second dated page of the snapshot (the rows per date were kept before): a
	 * user who asks once costs no more than a page.
	 */
	private Optional<UserRows> keptRows(Snapshot snapshot, Caller caller, Dataset dataset, List<OrderTerm> order,
			DateCounts counts, boolean returning) {
		if (dataset.keyColumn().isEmpty()
				|| order.stream().anyMatch(term -> term.column().type().kind() == ScalarKind.FLOAT)
				|| counts.count(Optional.empty(), Optional.empty()) > workingSetRows) {
			return Optional.empty();
		}
		SqlStatement statement = DatasetSql.rows(dataset, caller.userId(), workingSetRows + 1);
		if (!returning && !cache.holdsWorkingSet(snapshot, caller.userId(), KEPT_ROWS, statement)) {
			return Optional.empty();
		}
		return Optional.of(cache.workingSet(snapshot, caller.userId(), KEPT_ROWS, statement,
				() -> UserRows.of(dataset.columns(), executor.rows(snapshot, statement, dataset.columns()))));
	}

	/**
	 * The dataset's columns the caller reads, in catalog order; all of them when none is
	 * named (a page of only {@code __typename} still needs some column to have rows).
	 */
	private static List<Column> read(Dataset dataset, Set<String> columns) {
		List<Column> read = dataset.columns().stream().filter(column -> columns.contains(column.name())).toList();
		return read.isEmpty() ? dataset.columns() : read;
	}

	/**
	 * Every matching row in the given order, up to one maximal page; a filter that
	 * matches more is refused rather than cut short. One row past the maximum tells,
	 * without a count; only a refusal counts, to say by how much.
	 */
	public List<Map<String, Object>> all(Snapshot snapshot, Caller caller, String datasetId, DatasetFilter filter,
			List<OrderBy> orderBy) {
		Dataset dataset = checked(snapshot, caller, datasetId, filter, orderBy);
		SqlStatement statement = DatasetSql.ordered(dataset, caller.userId(), filter, orderBy,
				DatasetQuery.MAX_LIMIT + 1);
		List<Map<String, Object>> rows = cache.get(snapshot, caller.userId(), "rows", statement,
				() -> executor.rows(snapshot, statement, dataset.columns()));
		if (rows.size() > DatasetQuery.MAX_LIMIT) {
			throw ErrorCode.BAD_REQUEST.exception("The range matches " + count(snapshot, caller, dataset, filter)
					+ " rows, more than " + DatasetQuery.MAX_LIMIT + "; narrow the date range or the accounts");
		}
		return new ArrayList<>(rows);
	}

	private Dataset checked(Snapshot snapshot, Caller caller, String datasetId, DatasetFilter filter,
			List<OrderBy> orderBy) {
		Dataset dataset = snapshot.catalog().requireDataset(datasetId);
		validate(dataset, filter, orderBy);
		checkOwnership(snapshot, caller, dataset, filter);
		return dataset;
	}

	/**
	 * Sums of {@code measures} per distinct {@code groupBy} over the caller's filtered
	 * rows, ordered by the groups.
	 */
	public List<Map<String, Object>> totals(Snapshot snapshot, Caller caller, String datasetId, DatasetFilter filter,
			List<String> groupBy, List<String> measures) {
		Dataset dataset = snapshot.catalog().requireDataset(datasetId);
		checkOwnership(snapshot, caller, dataset, filter);
		List<Column> groups = groupBy.stream().map(dataset::requireColumn).toList();
		Optional<DateTotals> dated = dateTotals(snapshot, caller, dataset, filter, groups, measures);
		if (dated.isPresent()) {
			return dated.get().rows(filter.startDate(), filter.endDate());
		}
		List<Column> columns = Stream.concat(groups.stream(), measures.stream().map(dataset::requireColumn)).toList();
		SqlStatement statement = DatasetSql.aggregate(dataset, caller.userId(), filter, groupBy, measures);
		return cache.get(snapshot, caller.userId(), "rows", statement, () -> {
			List<Map<String, Object>> rows = new ArrayList<>(executor.rows(snapshot, statement, columns));
			rows.sort(GroupOrder.of(groups));
			return Collections.unmodifiableList(rows);
		});
	}

	/**
	 * The caller's sums per group and date, when the filter restricts nothing but the
	 * dates (at least one end of them: undated rows are not kept) of a dataset whose date
	 * column holds dates, and every measure sums exactly in a {@code long}
	 * ({@link DateTotals#summable}): read once per user and snapshot, it totals every
	 * such range. Without working sets kept, it would cost a statement on every total.
	 */
	private Optional<DateTotals> dateTotals(Snapshot snapshot, Caller caller, Dataset dataset, DatasetFilter filter,
			List<Column> groups, List<String> measures) {
		if (!cache.keepsWorkingSets() || !filter.hasDateRange() || !filter.accountIds().isEmpty()
				|| !filter.tagIds().isEmpty() || groups.stream().anyMatch(column -> column.type().list())) {
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
		return datedColumn(dataset).flatMap(name -> {
			SqlStatement statement = DatasetSql.dateTotals(dataset, name, caller.userId(),
					groups.stream().map(Column::name).toList(), measures);
			return cache.workingSet(snapshot, caller.userId(), "date-totals", statement,
					() -> executor.execute(snapshot, statement, rows -> RowReader.readDateTotals(rows, groups, sums)));
		});
	}

	/** The dataset's date column, when it holds dates (not timestamps, not lists). */
	private static Optional<String> datedColumn(Dataset dataset) {
		return dataset.filters().dateColumn().filter(name -> {
			ColumnType type = dataset.requireColumn(name).type();
			return type.kind() == ScalarKind.DATE && !type.list();
		});
	}

	private long count(Snapshot snapshot, Caller caller, Dataset dataset, DatasetFilter filter) {
		SqlStatement statement = DatasetSql.count(dataset, caller.userId(), filter);
		return cache.get(snapshot, caller.userId(), "count", statement,
				() -> executor.execute(snapshot, statement, rows -> {
					rows.next();
					return rows.getLong(1);
				}));
	}

	private void checkOwnership(Snapshot snapshot, Caller caller, Dataset dataset, DatasetFilter filter) {
		if (!filter.accountIds().isEmpty()) {
			String column = dataset.filters()
				.accountIdColumn()
				.orElseThrow(() -> DatasetSql.undeclared(dataset, "accountIds"));
			ownership.checkOwned(snapshot, caller.userId(), dataset, column, filter.accountIds(), "accountIds");
		}
		if (!filter.tagIds().isEmpty()) {
			String column = dataset.filters().tagIdColumn().orElseThrow(() -> DatasetSql.undeclared(dataset, "tagIds"));
			ownership.checkOwned(snapshot, caller.userId(), dataset, column, filter.tagIds(), "tagIds");
		}
	}

	private static void validate(Dataset dataset, DatasetFilter filter, List<OrderBy> orderBy) {
		for (OrderBy term : orderBy) {
			Column column = dataset.column(term.column())
				.orElseThrow(() -> ErrorCode.BAD_REQUEST
					.exception("Cannot order '" + dataset.id() + "' by unknown column '" + term.column() + "'"));
			if (column.type().list()) {
				throw ErrorCode.BAD_REQUEST
					.exception("Cannot order '" + dataset.id() + "' by list column '" + term.column() + "'");
			}
		}
		if (filter.hasDateRange() && dataset.filters().dateColumn().isEmpty()) {
			throw DatasetSql.undeclared(dataset, "date range");
		}
	}

}
