package com.finance.analytics.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one date grammar of both APIs: {@code YYYY-MM-DD} in ASCII digits naming a day that
 * exists. Java's ISO parser alone would also take expanded years ({@code +10000-01-01}),
 * which no data has and the other API refused.
 */
public final class CalendarDates {

	private static final Pattern FORM = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	private CalendarDates() {
	}

	/**
	 * The day {@code text} names, empty when it is not an existing {@code YYYY-MM-DD}
	 * date.
	 */
	public static Optional<LocalDate> parse(String text) {
		if (text == null || !FORM.matcher(text).matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(text));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

}
