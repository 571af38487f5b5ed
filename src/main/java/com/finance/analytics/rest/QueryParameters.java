package com.finance.analytics.rest;

import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.query.CalendarDates;
import com.finance.analytics.query.DatasetFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The query string of one REST call, read strictly: a parameter the endpoint does not
 * accept, a single-valued one given twice, or a value that does not parse is a
 * BAD_REQUEST, never ignored or guessed at.
 */
final class QueryParameters {

	// Literals, not ViewArgument's names, because annotations need constants;
	// ViewArgumentTest keeps them equal.
	static final String START_DATE = "start_date";
	static final String END_DATE = "end_date";
	static final String ACCOUNT_IDS = "account_ids";
	static final String TAG_IDS = "tag_ids";
	static final String LIMIT = "limit";
	static final String OFFSET = "offset";

	/**
	 * ASCII digits only: {@link Integer#parseInt} also reads {@code +1} and other
	 * scripts' digits ({@code ١٠}).
	 */
	private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");

	private static final int MAX_SHOWN_LENGTH = 64;

	private final Map<String, String[]> values;

	private final int maxListSize;

	private QueryParameters(Map<String, String[]> values, int maxListSize) {
		this.values = values;
		this.maxListSize = maxListSize;
	}

	/**
	 * The request's parameters, refused if it carries any other than {@code accepted}.
	 */
	static QueryParameters of(HttpServletRequest request, Set<String> accepted, int maxListSize) {
		Map<String, String[]> values;
		try {
			values = request.getParameterMap();
		}
		catch (IllegalStateException e) {
			// The container refuses a query string it cannot decode (e.g. "&=0", broken
			// %-escapes) this way.
			throw badRequest("Malformed query string");
		}
		for (String name : values.keySet()) {
			if (!accepted.contains(name)) {
				throw badRequest(
						"Unknown parameter '" + shown(name) + "'" + (accepted.isEmpty() ? "; this endpoint takes none"
								: "; accepted: " + String.join(", ", accepted.stream().sorted().toList())));
			}
		}
		return new QueryParameters(values, maxListSize);
	}

	boolean has(String name) {
		return values.containsKey(name);
	}

	LocalDate date(String name) {
		String text = single(name);
		if (text == null) {
			return null;
		}
		return CalendarDates.parse(text)
			.orElseThrow(() -> badRequest(name + " must be an existing date as YYYY-MM-DD, was '" + shown(text) + "'"));
	}

	/**
	 * {@code start_date} and {@code end_date}, each optional unless {@code required}; an
	 * empty range is refused.
	 */
	DateRange dateRange(boolean required) {
		DateRange range = new DateRange(date(START_DATE), date(END_DATE));
		if (required && (range.start() == null || range.end() == null)) {
			throw badRequest(START_DATE + " and " + END_DATE + " are required (YYYY-MM-DD)");
		}
		if (range.start() != null && range.end() != null && range.end().isBefore(range.start())) {
			throw badRequest(END_DATE + " " + range.end() + " is before " + START_DATE + " " + range.start());
		}
		return range;
	}

	/** UUIDs given as repeated parameters, comma-separated, or both. */
	List<UUID> ids(String name) {
		String[] given = values.get(name);
		if (given == null) {
			return List.of();
		}
		if (given.length == 1 && given[0].isBlank()) {
			throw DatasetFilter.emptyIdList(name);
		}
		List<UUID> ids = new ArrayList<>();
		for (String value : given) {
			for (String part : value.split(",", -1)) {
				ids.add(uuid(name, part.trim()));
				if (ids.size() > maxListSize) {
					throw badRequest(name + " may list at most " + maxListSize + " ids");
				}
			}
		}
		return ids;
	}

	/**
	 * Names given as repeated parameters, comma-separated, or both; an empty one is
	 * refused.
	 */
	List<String> names(String name) {
		String[] given = values.get(name);
		if (given == null) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		for (String value : given) {
			for (String part : value.split(",", -1)) {
				if (part.isBlank()) {
					throw badRequest(name + " has an empty name; give names separated by commas");
				}
				names.add(part.trim());
				if (names.size() > maxListSize) {
					throw badRequest(name + " may list at most " + maxListSize + " names");
				}
			}
		}
		return names;
	}

	/** A parameter given at most once, or null. */
	String text(String name) {
		return single(name);
	}

	int integer(String name, int fallback) {
		String text = single(name);
		if (text == null) {
			return fallback;
		}
		if (!INTEGER.matcher(text).matches()) {
			throw badRequest(name + " must be a whole number in the digits 0-9, was '" + shown(text) + "'");
		}
		return Integer.parseInt(text);
	}

	/** An inclusive date range; a missing end is open. */
	record DateRange(LocalDate start, LocalDate end) {
	}

	private String single(String name) {
		String[] given = values.get(name);
		if (given == null) {
			return null;
		}
		if (given.length > 1) {
			throw badRequest(name + " may be given only once");
		}
		return given[0];
	}

	private static UUID uuid(String name, String text) {
		try {
			UUID id = UUID.fromString(text);
			// UUID.fromString accepts shortened groups ("1-1-1-1-1"); only the canonical
			// form names a row.
			if (id.toString().equalsIgnoreCase(text)) {
				return id;
			}
		}
		catch (IllegalArgumentException e) {
			// answered below, like any other malformed id
		}
		throw badRequest(name + " must hold UUIDs, got '" + shown(text) + "'");
	}

	static String shown(String text) {
		return text.length() <= MAX_SHOWN_LENGTH ? text : text.substring(0, MAX_SHOWN_LENGTH) + "…";
	}

	static AnalyticsException badRequest(String message) {
		return ErrorCode.BAD_REQUEST.exception(message);
	}

}
