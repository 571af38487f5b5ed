package com.finance.analytics.query;

import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.Dataset;
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
 * ids, counts and fetches, answering from the caller's {@link WorkingSets} what they can
 * answer.
 */
@Service
public class DatasetQueryService {

	private final QueryExecutor executor;

	private final OwnershipGuard ownership;

	private final ResultCache cache;

	private final WorkingSets workingSets;

	public DatasetQueryService(QueryExecutor executor, OwnershipGuard ownership, ResultCache cache,
			ResultCacheProperties properties) {
		this.executor = executor;
		this.ownership = ownership;
		this.cache = cache;
		this.workingSets = new WorkingSets(executor, cache, properties.workingSetRows());
	}

	public Page query(Snapshot snapshot, Caller caller, String datasetId, DatasetQuery query) {
		Dataset dataset = checked(snapshot, caller, datasetId, query.filter(), query.orderBy());
		Optional<String> dateColumn = workingSets.dateColumn(dataset, query.filter());
		if (dateColumn.isPresent()) {
			return datedPage(snapshot, caller, dataset, dateColumn.get(), query);
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
	 * A page whose total is known from the caller's rows per date (read once per user and
	 * snapshot): a page past the end, or of no rows, needs no statement; a page kept from
	 * before is answered as kept; else the page is cut from the caller's kept rows when
	 * there are any, and read by a statement without a count when there are none.
	 */
	private Page datedPage(Snapshot snapshot, Caller caller, Dataset dataset, String dateColumn, DatasetQuery query) {
		DatasetFilter filter = query.filter();
		WorkingSets.Dated dated = workingSets.counts(snapshot, caller.userId(), dataset, dateColumn);
		long total = dated.counts().count(filter.startDate(), filter.endDate());
		if (query.limit() == 0 || query.offset() >= total) {
			return new Page(List.of(), total, query.limit(), query.offset());
		}
		List<Column> read = read(dataset, query.columns());
		SqlStatement statement = DatasetSql.uncountedPage(dataset, read, caller.userId(), filter, query.orderBy(),
				query.limit(), query.offset());
		if (!cache.holds(snapshot, caller.userId(), "rows", statement)) {
			List<OrderTerm> order = DatasetSql.orderTerms(dataset, query.orderBy());
			Optional<UserRows> kept = workingSets.keptRows(snapshot, caller.userId(), dataset, order, dated);
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
		Optional<DateTotals> dated = workingSets.totals(snapshot, caller.userId(), dataset, filter, groups, measures);
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
