package com.finance.analytics.query;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Approximate heap bytes of a cached value (rows, sets of ids, counts): close enough to
 * bound the cache by memory, cheap enough to compute once per miss. Object headers and
 * references on a 64-bit JVM with compressed pointers; strings as UTF-16.
 */
final class ResultWeight {

	private static final int REFERENCE = 4;

	private static final int BOXED = 16;

	/**
	 * Items of a collection weighed one by one; the rest are taken to weigh as much on
	 * average. Rows of one statement have the same columns, and weighing every value of a
	 * large page on each miss cost about 3 % of a cold request's CPU.
	 */
	static final int SAMPLED_ITEMS = 8;

	private ResultWeight() {
	}

	private static int sampled(Collection<?> items) {
		long weighed = 0;
		int count = 0;
		for (Object item : items) {
			if (count == SAMPLED_ITEMS) {
				break;
			}
			weighed += of(item);
			count++;
		}
		return count == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE / 2, weighed * items.size() / count);
	}

	static int of(Object value) {
		return switch (value) {
			case null -> 0;
			case String text -> 40 + 2 * text.length();
			case CountedRows counted -> 24 + of(counted.rows());
			case KeyedRows keyed -> 24 + of(keyed.byKey());
			// Two arrays of one int and one long per date.
			case DateCounts counts -> 64 + 12 * counts.days().length;
			case DateTotals totals -> totals.weight();
			case UserRows rows -> rows.weight();
			case Optional<?> optional -> 16 + of(optional.orElse(null));
			case Map<?, ?> map ->
				48 + map.entrySet().stream().mapToInt(entry -> 40 + of(entry.getKey()) + of(entry.getValue())).sum();
			case Collection<?> items -> 40 + items.size() * REFERENCE + sampled(items);
			// UUID, BigDecimal, dates and boxed numbers: a header and a few fields each.
			default -> BOXED + 24;
		};
	}

}
