package com.finance.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Counting a date range from rows per date: both ends inclusive, either open, the undated
 * rows only in an unbounded count (as SQL's comparisons leave them out).
 */
class DateCountsTest {

	private static final LocalDate JAN_10 = LocalDate.parse("2026-01-10");

	private static final LocalDate JAN_20 = LocalDate.parse("2026-01-20");

	private static final LocalDate FEB_01 = LocalDate.parse("2026-02-01");

	/** 3 rows on 10 January, 5 on 20 January, 2 on 1 February, 4 undated. */
	private static final DateCounts COUNTS = new DateCounts(
			new int[] { (int) JAN_10.toEpochDay(), (int) JAN_20.toEpochDay(), (int) FEB_01.toEpochDay() },
			new long[] { 3, 8, 10 }, 4);

	@Test
	void rangeCountsTheRowsOnBothOfItsEnds() {
		assertThat(COUNTS.count(Optional.of(JAN_10), Optional.of(JAN_20))).isEqualTo(8);
		assertThat(COUNTS.count(Optional.of(JAN_20), Optional.of(FEB_01))).isEqualTo(7);
		assertThat(COUNTS.count(Optional.of(JAN_20), Optional.of(JAN_20))).isEqualTo(5);
	}

	@Test
	void rangeBetweenDatesWithRowsCountsOnlyTheDaysInside() {
		assertThat(COUNTS.count(Optional.of(JAN_10.plusDays(1)), Optional.of(FEB_01.minusDays(1)))).isEqualTo(5);
		assertThat(COUNTS.count(Optional.of(JAN_10.plusDays(1)), Optional.of(JAN_20.minusDays(1)))).isZero();
	}

	@Test
	void rangeOutsideTheDataCountsNothing() {
		assertThat(COUNTS.count(Optional.of(FEB_01.plusDays(1)), Optional.empty())).isZero();
		assertThat(COUNTS.count(Optional.empty(), Optional.of(JAN_10.minusDays(1)))).isZero();
		assertThat(COUNTS.count(Optional.of(LocalDate.MIN), Optional.of(LocalDate.MAX))).isEqualTo(10);
	}

	@Test
	void openEndedRangeCountsDatedRowsOnly() {
		assertThat(COUNTS.count(Optional.of(JAN_20), Optional.empty())).isEqualTo(7);
		assertThat(COUNTS.count(Optional.empty(), Optional.of(JAN_20))).isEqualTo(8);
	}

	@Test
	void noRangeCountsEveryRowTheUndatedIncluded() {
		assertThat(COUNTS.count(Optional.empty(), Optional.empty())).isEqualTo(14);
	}

	@Test
	void userWithoutRowsCountsNothing() {
		DateCounts none = new DateCounts(new int[0], new long[0], 0);

		assertThat(none.count(Optional.empty(), Optional.empty())).isZero();
		assertThat(none.count(Optional.of(JAN_10), Optional.of(JAN_20))).isZero();
	}

}
