package com.finance.analytics.query;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where an inclusive date range starts and ends in ascending epoch days: the search that
 * both {@link DateCounts} and {@link DateTotals} answer a range with.
 */
final class EpochDays {

	private EpochDays() {
	}

	/**
	 * Index of the first day on or after {@code start}; 0 when the range has no start.
	 */
	static int from(int[] days, Optional<LocalDate> start) {
		return start.map(date -> firstOnOrAfter(days, date.toEpochDay())).orElse(0);
	}

	/**
	 * Index just past the last day on or before {@code end}; the length when the range
	 * has no end.
	 */
	static int to(int[] days, Optional<LocalDate> end) {
		return end.map(date -> firstOnOrAfter(days, date.toEpochDay() + 1)).orElse(days.length);
	}

	/** Index of the first day at or after {@code epochDay}; the length if none. */
	private static int firstOnOrAfter(int[] days, long epochDay) {
		if (epochDay > Integer.MAX_VALUE) {
			return days.length;
		}
		if (epochDay < Integer.MIN_VALUE) {
			return 0;
		}
		int found = Arrays.binarySearch(days, (int) epochDay);
		return found >= 0 ? found : -found - 1;
	}

}
