package com.finance.analytics.query;

import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.catalog.DatasetFilters;
import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds the SQL for a dataset. Identifiers come only from the catalog (quoted); every
 * value is a bind parameter; every statement starts with the user id condition, which
 * nothing can remove.
 */
final class DatasetSql {

	private DatasetSql() {
	}

	/**
	 * One page of the caller's filtered rows ({@code columns} of them, which must be the
	 * dataset's; the order still uses every column), each row followed by the number of
	 * all filtered rows (a window count, evaluated before the limit): the total comes
	 * with the page instead of costing a second statement.
	 */
	static SqlStatement page(Dataset dataset, List<Column> columns, UUID userId, DatasetFilter filter,
			List<OrderBy> orderBy, int limit, int offset) {
		return page(dataset, columnList(columns) + ", count(*) over ()", userId, filter, orderBy, limit, offset);
	}

	/**
	 * As {@link #page}, without the count, for a total known beforehand
	 * ({@link DateCounts}): the window count makes DuckDB keep every filtered row before
	 * the limit, 0.07-0.37 ms of a page statement's 0.8-1.3 (docs/performance.md, ninth
	 * round).
	 */
	static SqlStatement uncountedPage(Dataset dataset, List<Column> columns, UUID userId, DatasetFilter filter,
			List<OrderBy> orderBy, int limit, int offset) {
		return page(dataset, columnList(columns), userId, filter, orderBy, limit, offset);
	}

	private static SqlStatement page(Dataset dataset, String selected, UUID userId, DatasetFilter filter,
			List<OrderBy> orderBy, int limit, int offset) {
		Where where = scoped(dataset, userId).filteredBy(dataset, filter);
		String sql = "select " + selected + " from " + table(dataset) + where.sql() + " order by "
				+ orderClause(dataset, orderBy) + " limit ? offset ?";
		List<Object> parameters = new ArrayList<>(where.parameters);
		parameters.add(limit);
		parameters.add(offset);
		return new SqlStatement(sql, parameters);
	}

	/**
	 * At most {@code limit} of the caller's filtered rows in the given order, without a
	 * count (a whole range read at once, which needs no total).
	 */
	static SqlStatement ordered(Dataset dataset, UUID userId, DatasetFilter filter, List<OrderBy> orderBy, int limit) {
		Where where = scoped(dataset, userId).filteredBy(dataset, filter);
		List<Object> parameters = new ArrayList<>(where.parameters);
		parameters.add(limit);
		return new SqlStatement("select " + columnList(dataset) + " from " + table(dataset) + where.sql() + " order by "
				+ orderClause(dataset, orderBy) + " limit ?", parameters);
	}

	/**
	 * The number of the caller's rows on each date of {@code dateColumn} (one row per
	 * date, the null date included), in no particular order.
	 */
	static SqlStatement dateCounts(Dataset dataset, String dateColumn, UUID userId) {
		Where where = scoped(dataset, userId);
		String date = quote(dataset.requireColumn(dateColumn).name());
		return new SqlStatement(
				"select " + date + ", count(*) from " + table(dataset) + where.sql() + " group by " + date,
				where.parameters);
	}

	/**
	 * The caller's sums of {@code measures} per date and distinct {@code groupBy}, dates
	 * ascending ({@link DateTotals}).
	 */
	static SqlStatement dateTotals(Dataset dataset, String dateColumn, UUID userId, List<String> groupBy,
			List<String> measures) {
		Where where = scoped(dataset, userId);
		String date = quote(dataset.requireColumn(dateColumn).name());
		where.add(date + " is not null");
		String groups = groupList(dataset, groupBy);
		return new SqlStatement("select " + date + ", " + groups + ", " + sums(dataset, measures) + " from "
				+ table(dataset) + where.sql() + " group by " + date + ", " + groups + " order by " + date,
				where.parameters);
	}

	static SqlStatement count(Dataset dataset, UUID userId, DatasetFilter filter) {
		Where where = scoped(dataset, userId).filteredBy(dataset, filter);
		return new SqlStatement("select count(*) from " + table(dataset) + where.sql(), where.parameters);
	}

	/**
	 * The caller's rows of {@code dataset} whose {@code keyColumn} is one of
	 * {@code keys}.
	 */
	static SqlStatement lookup(Dataset dataset, String keyColumn, UUID userId, Collection<?> keys) {
		Where where = scoped(dataset, userId).in(dataset.requireColumn(keyColumn), keys);
		return new SqlStatement("select " + columnList(dataset) + " from " + table(dataset) + where.sql(),
				where.parameters);
	}

	/**
	 * At most {@code limit} of the caller's rows of {@code dataset}, in no particular
	 * order (a relation target read whole: the caller's accounts, the caller's tags).
	 */
	static SqlStatement rows(Dataset dataset, UUID userId, int limit) {
		Where where = scoped(dataset, userId);
		List<Object> parameters = new ArrayList<>(where.parameters);
		parameters.add(limit);
		return new SqlStatement("select " + columnList(dataset) + " from " + table(dataset) + where.sql() + " limit ?",
				parameters);
	}

	/**
	 * Every value of {@code column} on the caller's rows (list columns are flattened).
	 */
	static SqlStatement ownedValues(Dataset dataset, Column column, UUID userId) {
		Where where = scoped(dataset, userId);
		String value = column.type().list() ? "unnest(" + quote(column.name()) + ")" : quote(column.name());
		return new SqlStatement("select distinct " + value + " from " + table(dataset) + where.sql(), where.parameters);
	}

	/**
	 * Sums of {@code measures} per distinct {@code groupBy}, over the caller's filtered
	 * rows, in no particular order ({@link GroupOrder} orders them).
	 */
	static SqlStatement aggregate(Dataset dataset, UUID userId, DatasetFilter filter, List<String> groupBy,
			List<String> measures) {
		Where where = scoped(dataset, userId).filteredBy(dataset, filter);
		String groups = groupList(dataset, groupBy);
		return new SqlStatement("select " + groups + ", " + sums(dataset, measures) + " from " + table(dataset)
				+ where.sql() + " group by " + groups, where.parameters);
	}

	/** The catalog's quoted names of {@code groupBy}, comma-separated. */
	private static String groupList(Dataset dataset, List<String> groupBy) {
		return groupBy.stream()
			.map(name -> quote(dataset.requireColumn(name).name()))
			.collect(Collectors.joining(", "));
	}

	/** A sum of each of {@code measures}, named after it. */
	private static String sums(Dataset dataset, List<String> measures) {
		return measures.stream()
			.map(name -> quote(dataset.requireColumn(name).name()))
			.map(column -> "sum(" + column + ") as " + column)
			.collect(Collectors.joining(", "));
	}

	static AnalyticsException undeclared(Dataset dataset, String filter) {
		return ErrorCode.BAD_REQUEST.exception("Dataset '" + dataset.id() + "' has no " + filter + " filter");
	}

	static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	private static String table(Dataset dataset) {
		return quote(dataset.schema()) + "." + quote(dataset.table());
	}

	private static String columnList(Dataset dataset) {
		return columnList(dataset.columns());
	}

	private static String columnList(List<Column> columns) {
		return columns.stream().map(column -> quote(column.name())).collect(Collectors.joining(", "));
	}

	/**
	 * The caller's terms first, then the date column and every other scalar column as
	 * tie-breakers, so that paging is deterministic whatever the caller asked for. The
	 * terms end at the dataset's unique key: nothing after it can change the order, and
	 * each term costs DuckDB planning work on every statement (a page of transactions
	 * cost a fifth less without the nine after the key).
	 */
	static List<OrderTerm> orderTerms(Dataset dataset, List<OrderBy> orderBy) {
		SequencedMap<String, Boolean> descending = new LinkedHashMap<>();
		for (OrderBy term : orderBy) {
			descending.putIfAbsent(dataset.requireColumn(term.column()).name(), term.direction() == SortDirection.DESC);
		}
		dataset.filters().dateColumn().ifPresent(name -> descending.putIfAbsent(name, false));
		dataset.columns()
			.stream()
			.filter(column -> !column.type().list())
			.forEach(column -> descending.putIfAbsent(column.name(), false));
		List<OrderTerm> terms = new ArrayList<>();
		for (Map.Entry<String, Boolean> term : descending.entrySet()) {
			terms.add(new OrderTerm(dataset.requireColumn(term.getKey()), term.getValue()));
			if (dataset.keyColumn().filter(term.getKey()::equals).isPresent()) {
				break;
			}
		}
		return terms;
	}

	private static String orderClause(Dataset dataset, List<OrderBy> orderBy) {
		return orderTerms(dataset, orderBy).stream()
			.map(term -> quote(term.column().name()) + (term.descending() ? " desc nulls last" : " asc nulls first"))
			.collect(Collectors.joining(", "));
	}

	private static Where scoped(Dataset dataset, UUID userId) {
		Where where = new Where();
		where.add(quote(dataset.filters().userIdColumn()) + " = ?", userId);
		return where;
	}

	/** Conjunction of conditions with their parameters. */
	private static final class Where {

		private final List<String> conditions = new ArrayList<>();

		private final List<Object> parameters = new ArrayList<>();

		void add(String condition, Object... values) {
			conditions.add(condition);
			parameters.addAll(List.of(values));
		}

		Where filteredBy(Dataset dataset, DatasetFilter filter) {
			DatasetFilters declared = dataset.filters();
			Optional<String> dateColumn = declared.dateColumn();
			if (filter.hasDateRange()) {
				String column = quote(dateColumn.orElseThrow(() -> undeclared(dataset, "date range")));
				filter.startDate().ifPresent(start -> add(column + " >= ?", start));
				filter.endDate().ifPresent(end -> add(column + " <= ?", end));
			}
			if (!filter.accountIds().isEmpty()) {
				String column = declared.accountIdColumn().orElseThrow(() -> undeclared(dataset, "accountIds"));
				in(dataset.requireColumn(column), filter.accountIds());
			}
			if (!filter.tagIds().isEmpty()) {
				String column = declared.tagIdColumn().orElseThrow(() -> undeclared(dataset, "tagIds"));
				in(dataset.requireColumn(column), filter.tagIds());
			}
			return this;
		}

		/** "is one of"; on a list column "has any of". */
		Where in(Column column, Collection<?> values) {
			String placeholders = String.join(", ", Collections.nCopies(values.size(), "?"));
			if (column.type().list()) {
				conditions.add("list_has_any(" + quote(column.name()) + ", [" + placeholders + "])");
			}
			else {
				conditions.add(quote(column.name()) + " in (" + placeholders + ")");
			}
			parameters.addAll(values);
			return this;
		}

		String sql() {
			return " where " + String.join(" and ", conditions);
		}

	}

}
