package com.finance.analytics.query;

import java.util.Collection;
import java.util.Map;

/**
 * Approximate heap bytes of a cached value (rows, sets of ids, counts): close enough to
 * bound the cache by memory, cheap enough to compute once per miss. Object headers and
 * references on a 64-bit JVM with compressed pointers; strings as UTF-16.
 */
final class ResultWeight {

	private static final int REFERENCE = 4;

	private static final int BOXED = 16;

	private ResultWeight() {
	}

	static int of(Object value) {
		return switch (value) {
			case null -> 0;
			case String text -> 40 + 2 * text.length();
			case CountedRows counted -> 24 + of(counted.rows());
			case KeyedRows keyed -> 24 + of(keyed.byKey());
			case Map<?, ?> map ->
				48 + map.entrySet().stream().mapToInt(entry -> 40 + of(entry.getKey()) + of(entry.getValue())).sum();
			case Collection<?> items -> 40 + items.stream().mapToInt(item -> REFERENCE + of(item)).sum();
			// UUID, BigDecimal, dates and boxed numbers: a header and a few fields each.
			default -> BOXED + 24;
		};
	}

}
