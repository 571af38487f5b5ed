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
 * ids, counts and fetches.
 */
@Service
public class DatasetQueryService {

	private final QueryExecutor executor;

	private final OwnershipGuard ownership;

	private final ResultCache cache;

	public DatasetQueryService(QueryExecutor executor, OwnershipGuard ownership, ResultCache cache) {
		this.executor = executor;
		this.ownership = ownership;
		this.cache = cache;
	}

	public Page query(Snapshot snapshot, Caller caller, String datasetId, DatasetQuery query) {
		Dataset dataset = checked(snapshot, caller, datasetId, query.filter(), query.orderBy());
		Optional<DateCounts> dated = dateCounts(snapshot, caller, dataset, query.filter());
		if (dated.isPresent()) {
			DatasetFilter filter = query.filter();
			return pageOfKnownTotal(snapshot, caller, dataset, query,
					dated.get().count(filter.startDate(), filter.endDate()));
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
	 * A page whose total is known: a page past the end, or of no rows, needs no
	 * statement.
	 */
	private Page pageOfKnownTotal(Snapshot snapshot, Caller caller, Dataset dataset, DatasetQuery query, long total) {
		if (query.limit() == 0 || query.offset() >= total) {
			return new Page(List.of(), total, query.limit(), query.offset());
		}
		List<Column> read = read(dataset, query.columns());
		SqlStatement statement = DatasetSql.uncountedPage(dataset, read, caller.userId(), query.filter(),
				query.orderBy(), query.limit(), query.offset());
		List<Map<String, Object>> rows = cache.get(snapshot, caller.userId(), "rows", statement,
				() -> executor.rows(snapshot, statement, read));
		return new Page(rows, total, query.limit(), query.offset());
	}

	/**
	 * The caller's rows per date, when the filter restricts nothing but the dates of a
	 * dataset whose date column holds dates (a timestamp column compares with a date
	 * range differently): read once per user and snapshot, it counts every such page.
	 * Without working sets kept, it would cost a statement on every page: pages then
	 * count in their own statement.
	 */
	private Optional<DateCounts> dateCounts(Snapshot snapshot, Caller caller, Dataset dataset, DatasetFilter filter) {
		if (!cache.keepsWorkingSets() || !filter.accountIds().isEmpty() || !filter.tagIds().isEmpty()) {
			return Optional.empty();
		}
		return datedColumn(dataset).map(name -> {
			SqlStatement statement = DatasetSql.dateCounts(dataset, name, caller.userId());
			return cache.workingSet(snapshot, caller.userId(), "date-counts", statement,
					() -> executor.execute(snapshot, statement, RowReader::readDateCounts));
		});
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
