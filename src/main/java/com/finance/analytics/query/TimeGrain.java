package com.finance.analytics.query;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The period a metric query groups by. A window is widened to whole periods, as
 * MetricFlow does: a month query from the 15th starts on the 1st.
 */
public enum TimeGrain {

	/** One day. */
	DAY("day"),
	/** An ISO week, Monday to Sunday. */
	WEEK("week"),
	/** A calendar month. */
	MONTH("month"),
	/** A calendar quarter. */
	QUARTER("quarter"),
	/** A calendar year. */
	YEAR("year");

	private final String sqlPart;

	TimeGrain(String sqlPart) {
		this.sqlPart = sqlPart;
	}

	/** DuckDB's {@code date_trunc} part of this grain (a constant, never client text). */
	String sqlPart() {
		return sqlPart;
	}

	/** The first day of the period holding {@code date}. */
	public LocalDate periodStart(LocalDate date) {
		return switch (this) {
			case DAY -> date;
			case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> date.withDayOfMonth(1);
			case QUARTER -> date.withDayOfMonth(1).withMonth((date.getMonthValue() - 1) / 3 * 3 + 1);
			case YEAR -> date.withDayOfYear(1);
		};
	}

	/** The last day of the period holding {@code date}. */
	public LocalDate periodEnd(LocalDate date) {
		LocalDate start = periodStart(date);
		return switch (this) {
			case DAY -> date;
			case WEEK -> start.plusDays(6);
			case MONTH -> start.plusMonths(1).minusDays(1);
			case QUARTER -> start.plusMonths(3).minusDays(1);
			case YEAR -> start.plusYears(1).minusDays(1);
		};
	}

}
