package com.finance.analytics.query;

import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.ScalarKind;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns DuckDB result rows into plain Java values that match the exposed scalar types.
 * Timestamps without a zone are UTC (dbt builds them in UTC), so they are exposed as UTC
 * date-times.
 */
final class RowReader {

	private RowReader() {
	}

	/**
	 * The rows of a counted page ({@link DatasetSql#page}): the columns, then the count
	 * of all filtered rows.
	 */
	static CountedRows readCounted(ResultSet rows, List<Column> columns) throws SQLException {
		List<Map<String, Object>> result = new ArrayList<>();
		long total = 0;
		while (rows.next()) {
			result.add(row(rows, columns));
			total = rows.getLong(columns.size() + 1);
		}
		return new CountedRows(Collections.unmodifiableList(result), total);
	}

	static List<Map<String, Object>> readAll(ResultSet rows, List<Column> columns) throws SQLException {
		List<Map<String, Object>> result = new ArrayList<>();
		while (rows.next()) {
			result.add(row(rows, columns));
		}
		return Collections.unmodifiableList(result);
	}

	/**
	 * The rows of {@link DatasetSql#dateCounts}: a date (or null) and its number of rows,
	 * in any order.
	 */
	static DateCounts readDateCounts(ResultSet rows) throws SQLException {
		List<long[]> counted = new ArrayList<>();
		long undated = 0;
		while (rows.next()) {
			Object date = rows.getObject(1);
			if (date == null) {
				undated = rows.getLong(2);
			}
			else {
				counted.add(new long[] { ((LocalDate) convert(date, ScalarKind.DATE)).toEpochDay(), rows.getLong(2) });
			}
		}
		counted.sort((a, b) -> Long.compare(a[0], b[0]));
		int[] days = new int[counted.size()];
		long[] rowsUpTo = new long[counted.size()];
		long running = 0;
		for (int i = 0; i < days.length; i++) {
			days[i] = Math.toIntExact(counted.get(i)[0]);
			running += counted.get(i)[1];
			rowsUpTo[i] = running;
		}
		return new DateCounts(days, rowsUpTo, undated);
	}

	/**
	 * The rows of {@link DatasetSql#dateTotals}: a date, the group's values, the sums;
	 * dates ascending.
	 */
	static Optional<DateTotals> readDateTotals(ResultSet rows, List<Column> groupColumns, List<DateTotals.Sum> sums)
			throws SQLException {
		DateTotals.Builder totals = new DateTotals.Builder(groupColumns, sums);
		while (rows.next()) {
			LocalDate date = (LocalDate) convert(rows.getObject(1), ScalarKind.DATE);
			List<Object> group = new ArrayList<>(groupColumns.size());
			for (int i = 0; i < groupColumns.size(); i++) {
				group.add(read(rows, i + 2, groupColumns.get(i)));
			}
			List<Object> amounts = new ArrayList<>(sums.size());
			for (int i = 0; i < sums.size(); i++) {
				amounts.add(rows.getObject(groupColumns.size() + 2 + i));
			}
			totals.add(group, date, amounts);
		}
		return totals.build();
	}

	private static Map<String, Object> row(ResultSet rows, List<Column> columns) throws SQLException {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			Column column = columns.get(i);
			row.put(column.name(), read(rows, i + 1, column));
		}
		return Collections.unmodifiableMap(row);
	}

	private static Object read(ResultSet rows, int index, Column column) throws SQLException {
		Object value = rows.getObject(index);
		if (value == null) {
			return null;
		}
		if (column.type().list()) {
			Array array = (Array) value;
			return Arrays.stream((Object[]) array.getArray())
				.map(element -> convert(element, column.type().kind()))
				.toList();
		}
		return convert(value, column.type().kind());
	}

	static Object convert(Object value, ScalarKind kind) {
		if (value == null) {
			return null;
		}
		return switch (kind) {
			case DATE -> value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
			case DATE_TIME -> dateTime(value);
			case INT -> ((Number) value).intValue();
			case LONG -> ((Number) value).longValue();
			case FLOAT -> ((Number) value).doubleValue();
			default -> value;
		};
	}

	private static OffsetDateTime dateTime(Object value) {
		return switch (value) {
			case OffsetDateTime offset -> offset;
			case LocalDateTime local -> local.atOffset(ZoneOffset.UTC);
			case Timestamp timestamp -> timestamp.toLocalDateTime().atOffset(ZoneOffset.UTC);
			default -> throw new IllegalStateException("Unexpected timestamp value " + value.getClass());
		};
	}

}
