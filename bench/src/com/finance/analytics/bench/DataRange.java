package com.finance.analytics.bench;

import java.time.LocalDate;
import java.util.Random;

/**
 * The months the snapshot covers, and the random windows the query mix draws from them.
 */
record DataRange(LocalDate firstMonth, LocalDate lastMonth) {

	int months() {
		return (int) java.time.temporal.ChronoUnit.MONTHS.between(firstMonth, lastMonth) + 1;
	}

	/**
	 * A window of {@code length} whole months starting at a random month, clipped to the
	 * data.
	 */
	Window randomMonths(Random random, int length) {
		int span = Math.max(1, months() - length + 1);
		LocalDate start = firstMonth.plusMonths(random.nextInt(span));
		return new Window(start, start.plusMonths(length).minusDays(1));
	}

	/** The last {@code length} months of the data. */
	Window lastMonths(int length) {
		LocalDate start = lastMonth.minusMonths(length - 1L);
		return new Window(start, lastMonth.plusMonths(1).minusDays(1));
	}

	record Window(LocalDate start, LocalDate end) {
	}
}
