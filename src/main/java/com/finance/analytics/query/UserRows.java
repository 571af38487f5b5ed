package com.finance.analytics.query;

import com.finance.analytics.catalog.Column;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * One user's whole rows of a dataset, kept by column, so that a page filtered only by
 * dates is cut from memory in the order a statement would give ({@link OrderTerm}),
 * without a statement (docs/performance.md, tenth round). A column of many distinct ids,
 * amounts or dates is kept as primitives (16, 8 and 4 bytes a row); every other column as
 * a dictionary of its distinct values and a code per row (1 or 2 bytes), so two years of
 * one user's transactions take about 50 KB. The values handed out are those the statement
 * reads ({@link RowReader}): dictionary values are the very objects read, primitives are
 * turned back into equal objects.
 */
final class UserRows {

	/**
	 * Above this many distinct values, ids, amounts and dates are kept as primitives:
	 * below it a one-byte code and the dictionary take less.
	 */
	private static final int SMALL_DICTIONARY = 256;

	private final List<Column> columns;

	private final Map<String, Integer> positions;

	private final int size;

	private final Values[] values;

	private UserRows(List<Column> columns, int size, Values[] values) {
		this.columns = List.copyOf(columns);
		this.size = size;
		this.values = values;
		this.positions = new HashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			positions.put(columns.get(i).name(), i);
		}
	}

	/** The rows, read as {@link RowReader#readAll} reads them, kept by column. */
	static UserRows of(List<Column> columns, List<Map<String, Object>> rows) {
		Values[] values = new Values[columns.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = encode(columns.get(i), rows);
		}
		return new UserRows(columns, rows.size(), values);
	}

	int size() {
		return size;
	}

	/**
	 * Rows {@code offset} to {@code offset + limit} of those in the date range (every row
	 * without a range; none dated null with one, as in SQL) in {@code order}, with the
	 * {@code read} columns.
	 */
	List<Map<String, Object>> page(String dateColumn, Optional<LocalDate> start, Optional<LocalDate> end,
			List<OrderTerm> order, List<Column> read, int limit, int offset) {
		int[] selected = selected(position(dateColumn), start, end);
		if (offset >= selected.length || limit == 0) {
			return List.of();
		}
		Integer[] ordered = sorted(selected, order);
		int to = (int) Math.min(ordered.length, (long) offset + limit);
		int[] readPositions = read.stream().mapToInt(column -> position(column.name())).toArray();
		List<Map<String, Object>> page = new ArrayList<>(to - offset);
		for (int i = offset; i < to; i++) {
			Map<String, Object> row = new LinkedHashMap<>();
			for (int c = 0; c < readPositions.length; c++) {
				row.put(read.get(c).name(), values[readPositions[c]].get(ordered[i]));
			}
			page.add(Collections.unmodifiableMap(row));
		}
		return Collections.unmodifiableList(page);
	}

	/** Approximate heap bytes, for the working sets' bound ({@link ResultWeight}). */
	int weight() {
		int weight = 64 + 32 * columns.size();
		for (Values column : values) {
			weight += column.weight();
		}
		return weight;
	}

	private int position(String column) {
		Integer position = positions.get(column);
		if (position == null) {
			throw new IllegalArgumentException("No column " + column);
		}
		return position;
	}

	private int[] selected(int date, Optional<LocalDate> start, Optional<LocalDate> end) {
		if (start.isEmpty() && end.isEmpty()) {
			return IntStream.range(0, size).toArray();
		}
		Values dates = values[date];
		long first = start.map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE);
		long last = end.map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
		int[] selected = new int[size];
		int count = 0;
		for (int row = 0; row < size; row++) {
			long day = dates.epochDay(row);
			if (day != Values.NO_DAY && day >= first && day <= last) {
				selected[count++] = row;
			}
		}
		return Arrays.copyOf(selected, count);
	}

	/**
	 * The rows in order: the sort keys read once per row, then compared as DuckDB orders
	 * them.
	 */
	private Integer[] sorted(int[] selected, List<OrderTerm> order) {
		Object[][] keys = new Object[order.size()][];
		List<Comparator<Object>> comparators = new ArrayList<>(order.size());
		for (int t = 0; t < order.size(); t++) {
			OrderTerm term = order.get(t);
			Values column = values[position(term.column().name())];
			keys[t] = new Object[size];
			for (int row : selected) {
				keys[t][row] = column.get(row);
			}
			Comparator<Object> ascending = GroupOrder.values(term.column().type().kind());
			comparators
				.add(term.descending() ? Comparator.nullsLast(ascending.reversed()) : Comparator.nullsFirst(ascending));
		}
		Integer[] rows = Arrays.stream(selected).boxed().toArray(Integer[]::new);
		Arrays.sort(rows, (left, right) -> {
			for (int t = 0; t < keys.length; t++) {
				int compared = comparators.get(t).compare(keys[t][left], keys[t][right]);
				if (compared != 0) {
					return compared;
				}
			}
			return 0;
		});
		return rows;
	}

	private static Values encode(Column column, List<Map<String, Object>> rows) {
		Map<Object, Integer> codes = new LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			codes.putIfAbsent(row.get(column.name()), codes.size());
		}
		if (codes.size() > SMALL_DICTIONARY && !column.type().list()) {
			Optional<Values> primitive = switch (column.type().kind()) {
				case UUID -> Optional.of(Uuids.of(column, rows));
				case DECIMAL -> Decimals.of(column, rows);
				case DATE -> Optional.of(Days.of(column, rows));
				default -> Optional.empty();
			};
			if (primitive.isPresent()) {
				return primitive.get();
			}
		}
		return Dictionary.of(column, rows, codes);
	}

	/** One column of the rows. */
	private sealed interface Values permits Dictionary, Uuids, Decimals, Days {

		/** The epoch day of a row without a date. */
		long NO_DAY = Long.MIN_VALUE;

		Object get(int row);

		/** The row's date as an epoch day, {@link #NO_DAY} when it is null. */
		default long epochDay(int row) {
			return get(row) instanceof LocalDate date ? date.toEpochDay() : NO_DAY;
		}

		int weight();

	}

	/**
	 * Distinct values and a code per row: a byte when there are at most 256 of them, a
	 * char up to 65,536, else an int.
	 */
	private record Dictionary(Object[] distinct, Object codes) implements Values {

		static Dictionary of(Column column, List<Map<String, Object>> rows, Map<Object, Integer> codes) {
			int[] coded = rows.stream().mapToInt(row -> codes.get(row.get(column.name()))).toArray();
			Object packed;
			if (codes.size() <= 256) {
				byte[] bytes = new byte[coded.length];
				for (int i = 0; i < coded.length; i++) {
					bytes[i] = (byte) coded[i];
				}
				packed = bytes;
			}
			else if (codes.size() <= 65_536) {
				char[] chars = new char[coded.length];
				for (int i = 0; i < coded.length; i++) {
					chars[i] = (char) coded[i];
				}
				packed = chars;
			}
			else {
				packed = coded;
			}
			return new Dictionary(codes.keySet().toArray(), packed);
		}

		@Override
		public Object get(int row) {
			return distinct[switch (codes) {
				case byte[] bytes -> Byte.toUnsignedInt(bytes[row]);
				case char[] chars -> chars[row];
				case int[] ints -> ints[row];
				default -> throw new IllegalStateException("Unknown codes");
			}];
		}

		@Override
		public int weight() {
			int coded = switch (codes) {
				case byte[] bytes -> bytes.length;
				case char[] chars -> 2 * chars.length;
				case int[] ints -> 4 * ints.length;
				default -> throw new IllegalStateException("Unknown codes");
			};
			return 32 + ResultWeight.of(Arrays.asList(distinct)) + 16 + coded;
		}

	}

	/** UUIDs as their two halves. */
	private record Uuids(long[] high, long[] low, BitSet nulls) implements Values {

		static Uuids of(Column column, List<Map<String, Object>> rows) {
			long[] high = new long[rows.size()];
			long[] low = new long[rows.size()];
			BitSet nulls = new BitSet();
			for (int i = 0; i < high.length; i++) {
				if (rows.get(i).get(column.name()) instanceof UUID id) {
					high[i] = id.getMostSignificantBits();
					low[i] = id.getLeastSignificantBits();
				}
				else {
					nulls.set(i);
				}
			}
			return new Uuids(high, low, nulls);
		}

		@Override
		public Object get(int row) {
			return nulls.get(row) ? null : new UUID(high[row], low[row]);
		}

		@Override
		public int weight() {
			return 96 + 16 * high.length + nulls.size() / 8;
		}

	}

	/**
	 * Decimals of one scale as their unscaled values; a column with another scale or a
	 * value beyond a {@code long} is kept as a dictionary instead.
	 */
	private record Decimals(long[] unscaled, int scale, BitSet nulls) implements Values {

		static Optional<Values> of(Column column, List<Map<String, Object>> rows) {
			long[] unscaled = new long[rows.size()];
			BitSet nulls = new BitSet();
			Integer scale = null;
			for (int i = 0; i < unscaled.length; i++) {
				if (!(rows.get(i).get(column.name()) instanceof BigDecimal decimal)) {
					nulls.set(i);
					continue;
				}
				if (scale == null) {
					scale = decimal.scale();
				}
				if (decimal.scale() != scale || decimal.unscaledValue().bitLength() > 63) {
					return Optional.empty();
				}
				unscaled[i] = decimal.unscaledValue().longValue();
			}
			return Optional.of(new Decimals(unscaled, scale == null ? 0 : scale, nulls));
		}

		@Override
		public Object get(int row) {
			return nulls.get(row) ? null : BigDecimal.valueOf(unscaled[row], scale);
		}

		@Override
		public int weight() {
			return 80 + 8 * unscaled.length + nulls.size() / 8;
		}

	}

	/** Dates as epoch days. */
	private record Days(int[] days, BitSet nulls) implements Values {

		static Days of(Column column, List<Map<String, Object>> rows) {
			int[] days = new int[rows.size()];
			BitSet nulls = new BitSet();
			for (int i = 0; i < days.length; i++) {
				if (rows.get(i).get(column.name()) instanceof LocalDate date) {
					days[i] = Math.toIntExact(date.toEpochDay());
				}
				else {
					nulls.set(i);
				}
			}
			return new Days(days, nulls);
		}

		@Override
		public Object get(int row) {
			return nulls.get(row) ? null : LocalDate.ofEpochDay(days[row]);
		}

		/** Compared as kept: no date made per row. */
		@Override
		public long epochDay(int row) {
			return nulls.get(row) ? NO_DAY : days[row];
		}

		@Override
		public int weight() {
			return 80 + 4 * days.length + nulls.size() / 8;
		}

	}

}
