package com.finance.analytics.query;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How many of one user's rows of a dataset fall on each date of its date column: enough
 * to count the rows of any date range, both ends inclusive and either open, without a
 * statement. Kept per user and snapshot in the working sets' region, so a page filtered
 * only by dates needs no window count in its statement (docs/performance.md, ninth
 * round).
 *
 * @param days the dates that have rows, as epoch days, ascending
 * @param rowsUpTo {@code rowsUpTo[i]}: the rows dated {@code days[0]} to {@code days[i]}
 * @param undated the rows whose date is null: counted only when no end of the range is
 * given, as SQL's comparisons leave them out of any range
 */
record DateCounts(int[] days, long[] rowsUpTo, long undated) {

	DateCounts {
		if (days.length != rowsUpTo.length) {
			throw new IllegalArgumentException("days and rowsUpTo differ in length");
		}
	}

	/** The rows dated in the range; every row when neither end is given. */
	long count(Optional<LocalDate> start, Optional<LocalDate> end) {
		if (start.isEmpty() && end.isEmpty()) {
			return dated() + undated;
		}
		int from = EpochDays.from(days, start);
		int to = EpochDays.to(days, end);
		if (to <= from) {
			return 0;
		}
		return rowsUpTo[to - 1] - (from == 0 ? 0 : rowsUpTo[from - 1]);
	}

	private long dated() {
		return days.length == 0 ? 0 : rowsUpTo[days.length - 1];
	}

}
