package com.finance.analytics.query;

import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.ScalarKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One user's sums of some measures of a dataset per group and date: enough to total any
 * date range, both ends inclusive and either open, without a statement. Kept per user and
 * snapshot in the working sets' region, so that a grouped total over dates (spending by
 * tag over a quarter) reads DuckDB once per user and snapshot (docs/performance.md, tenth
 * round). The sums are running totals of exact integers (a DECIMAL's unscaled value, a
 * BIGINT), so the total of a range is the difference of two of them and equals DuckDB's
 * {@code sum} to the last digit.
 *
 * @param groupColumns the columns grouped by, in the order of each group's values
 * @param sums the summed measures, in the order of each group's running totals
 * @param groups the groups that have dated rows
 */
record DateTotals(List<Column> groupColumns, List<Sum> sums, List<Group> groups) {

	/** The precision and scale of a DuckDB DECIMAL type, as its catalog names it. */
	private static final Pattern DECIMAL = Pattern
		.compile("(?:DECIMAL|NUMERIC)\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

	/** The widest DECIMAL whose every value is an unscaled {@code long}. */
	private static final int LONG_DIGITS = 18;

	DateTotals {
		groupColumns = List.copyOf(groupColumns);
		sums = List.copyOf(sums);
		groups = List.copyOf(groups);
	}

	/**
	 * How a measure is summed here, when it can be exactly: a column that is never null
	 * (so that a sum is null only where there is no row, and such a group is left out, as
	 * by SQL), of BIGINT or of a DECIMAL narrow enough for its unscaled values to be
	 * {@code long}s.
	 */
	static Optional<Sum> summable(Column column) {
		if (column.nullable() || column.type().list()) {
			return Optional.empty();
		}
		if (column.type().kind() == ScalarKind.LONG) {
			return Optional.of(new Sum(column.name(), Sum.WHOLE));
		}
		if (column.type().kind() != ScalarKind.DECIMAL) {
			return Optional.empty();
		}
		Matcher decimal = DECIMAL.matcher(column.type().duckDbType().trim().toUpperCase(Locale.ROOT));
		if (!decimal.matches()) {
			return Optional.empty();
		}
		int precision = Integer.parseInt(decimal.group(1));
		return precision <= LONG_DIGITS ? Optional.of(new Sum(column.name(), Integer.parseInt(decimal.group(2))))
				: Optional.empty();
	}

	/**
	 * One row per group with rows in the range: its values, then each measure summed over
	 * the range; in the order DuckDB's {@code order by} of the groups gives.
	 */
	List<Map<String, Object>> rows(Optional<LocalDate> start, Optional<LocalDate> end) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Group group : groups) {
			int from = EpochDays.from(group.days(), start);
			int to = EpochDays.to(group.days(), end);
			if (to > from) {
				rows.add(row(group, from, to));
			}
		}
		rows.sort(GroupOrder.of(groupColumns));
		return Collections.unmodifiableList(rows);
	}

	private Map<String, Object> row(Group group, int from, int to) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < groupColumns.size(); i++) {
			row.put(groupColumns.get(i).name(), group.values().get(i));
		}
		for (int i = 0; i < sums.size(); i++) {
			long[] upTo = group.upTo()[i];
			row.put(sums.get(i).column(), sums.get(i).value(upTo[to - 1] - (from == 0 ? 0 : upTo[from - 1])));
		}
		return Collections.unmodifiableMap(row);
	}

	/** Approximate heap bytes, for the working sets' bound ({@link ResultWeight}). */
	int weight() {
		int weight = 64;
		for (Group group : groups) {
			weight += 64 + ResultWeight.of(group.values()) + 16 + 4 * group.days().length
					+ sums.size() * (16 + 8 * group.days().length);
		}
		return weight;
	}

	/**
	 * A measure as its running totals hold it.
	 *
	 * @param column the measure's column
	 * @param scale the DECIMAL's scale; {@link #WHOLE} for a BIGINT
	 */
	record Sum(String column, int scale) {

		static final int WHOLE = -1;

		/** The exact integer a value of this measure (or of its sum) is kept as. */
		long unscaled(Object value) {
			return switch (value) {
				case BigDecimal decimal -> decimal.setScale(scale).unscaledValue().longValueExact();
				case BigInteger integer -> integer.longValueExact();
				case Number number -> number.longValue();
				default -> throw new IllegalArgumentException("Not a number: " + value);
			};
		}

		/**
		 * A total as the SQL total reads: a DECIMAL of the measure's scale, or a Long.
		 */
		Object value(long unscaled) {
			return scale == WHOLE ? (Object) unscaled : BigDecimal.valueOf(unscaled, scale);
		}

	}

	/**
	 * One group's running totals.
	 *
	 * @param values the group's values, in the order of the group columns
	 * @param days the dates that have rows of the group, as epoch days, ascending
	 * @param upTo {@code upTo[m][i]}: measure {@code m} summed over {@code days[0]} to
	 * {@code days[i]}
	 */
	record Group(List<Object> values, int[] days, long[][] upTo) {

		Group {
			values = Collections.unmodifiableList(Arrays.asList(values.toArray()));
		}

	}

	/**
	 * Collects the sums of each group and date, dates ascending within each group; gives
	 * nothing when a running total would not fit a {@code long}, so that the total is
	 * left to DuckDB.
	 */
	static final class Builder {

		private final List<Column> groupColumns;

		private final List<Sum> sums;

		private final Map<List<Object>, Running> groups = new LinkedHashMap<>();

		private boolean overflowed;

		Builder(List<Column> groupColumns, List<Sum> sums) {
			this.groupColumns = List.copyOf(groupColumns);
			this.sums = List.copyOf(sums);
		}

		/** Adds one group's sums of one date, a date later than that group's last. */
		void add(List<Object> group, LocalDate date, List<Object> amounts) {
			if (overflowed) {
				return;
			}
			Running running = groups.computeIfAbsent(Arrays.asList(group.toArray()),
					values -> new Running(values, sums.size()));
			try {
				long[] unscaled = new long[sums.size()];
				for (int i = 0; i < unscaled.length; i++) {
					unscaled[i] = sums.get(i).unscaled(amounts.get(i));
				}
				running.add(Math.toIntExact(date.toEpochDay()), unscaled);
			}
			catch (ArithmeticException tooLarge) {
				overflowed = true;
			}
		}

		Optional<DateTotals> build() {
			if (overflowed) {
				return Optional.empty();
			}
			return Optional
				.of(new DateTotals(groupColumns, sums, groups.values().stream().map(Running::group).toList()));
		}

	}

	private static final class Running {

		private final List<Object> values;

		private int[] days = new int[16];

		private final long[][] upTo;

		private int size;

		Running(List<Object> values, int measures) {
			this.values = values;
			this.upTo = new long[measures][16];
		}

		void add(int day, long[] amounts) {
			if (size > 0 && day <= days[size - 1]) {
				throw new IllegalArgumentException("Dates must ascend within a group");
			}
			if (size == days.length) {
				days = Arrays.copyOf(days, size * 2);
				for (int i = 0; i < upTo.length; i++) {
					upTo[i] = Arrays.copyOf(upTo[i], size * 2);
				}
			}
			days[size] = day;
			for (int i = 0; i < upTo.length; i++) {
				upTo[i][size] = size == 0 ? amounts[i] : Math.addExact(upTo[i][size - 1], amounts[i]);
			}
			size++;
		}

		Group group() {
			long[][] trimmed = new long[upTo.length][];
			for (int i = 0; i < upTo.length; i++) {
				trimmed[i] = Arrays.copyOf(upTo[i], size);
			}
			return new Group(values, Arrays.copyOf(days, size), trimmed);
		}

	}

}
