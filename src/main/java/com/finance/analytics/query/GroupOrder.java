package com.finance.analytics.query;

import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.ScalarKind;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Orders rows as DuckDB's {@code order by <columns> asc nulls first} does, in Java: for
 * the few rows of a grouped total, DuckDB's sort costs a sixth to a quarter of the
 * statement (0.16-0.27 ms of a spending-by-tag total's 0.99-1.12 ms; docs/performance.md,
 * eighth round). DuckDB compares text by its UTF-8 bytes, that is by code point, and
 * UUIDs as unsigned 128-bit numbers, that is as their text; both differ from Java's own
 * {@code compareTo}.
 */
final class GroupOrder {

	private GroupOrder() {
	}

	static Comparator<Map<String, Object>> of(List<Column> columns) {
		Comparator<Map<String, Object>> order = (left, right) -> 0;
		for (Column column : columns) {
			Comparator<Object> values = Comparator.nullsFirst(values(column.type().kind()));
			order = order.thenComparing(row -> row.get(column.name()), values);
		}
		return order;
	}

	/** Non-null values of one kind in DuckDB's ascending order. */
	static Comparator<Object> values(ScalarKind kind) {
		return switch (kind) {
			case STRING -> (left, right) -> codePoints((String) left, (String) right);
			case UUID -> (left, right) -> unsigned((UUID) left, (UUID) right);
			case BOOLEAN -> Comparator.comparing(Boolean.class::cast);
			case DATE -> Comparator.comparing(LocalDate.class::cast);
			case DATE_TIME -> Comparator.comparing(OffsetDateTime.class::cast);
			// One column's values are all of the one Java type its kind reads as.
			case INT, LONG, BIG_INTEGER, FLOAT, DECIMAL -> GroupOrder::sameType;
			case UNSUPPORTED -> throw new IllegalArgumentException("A column of an unsupported type has no order");
		};
	}

	private static int codePoints(String left, String right) {
		int i = 0;
		int j = 0;
		while (i < left.length() && j < right.length()) {
			int a = left.codePointAt(i);
			int b = right.codePointAt(j);
			if (a != b) {
				return Integer.compare(a, b);
			}
			i += Character.charCount(a);
			j += Character.charCount(b);
		}
		return Integer.compare(left.length() - i, right.length() - j);
	}

	private static int unsigned(UUID left, UUID right) {
		int high = Long.compareUnsigned(left.getMostSignificantBits(), right.getMostSignificantBits());
		return high != 0 ? high : Long.compareUnsigned(left.getLeastSignificantBits(), right.getLeastSignificantBits());
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int sameType(Object left, Object right) {
		return ((Comparable) left).compareTo(right);
	}

}
