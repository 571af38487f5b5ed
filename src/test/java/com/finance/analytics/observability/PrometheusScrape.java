package com.finance.analytics.observability;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /actuator/prometheus} (the text format), read by series: a
 * metric's name and the labels it must carry.
 */
record PrometheusScrape(String text) {

	private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	/**
	 * The value of the one sample of {@code name} carrying every label given (others
	 * ignored), empty when there is none.
	 */
	OptionalDouble value(String name, Map<String, String> labels) {
		for (String line : text.lines().toList()) {
			if ((line.startsWith(name + "{") && carries(line, labels))
					|| (line.startsWith(name + " ") && labels.isEmpty())) {
				return OptionalDouble.of(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
			}
		}
		return OptionalDouble.empty();
	}

	/** The value, or 0 for a series not there yet (a counter before its first event). */
	double count(String name, Map<String, String> labels) {
		return value(name, labels).orElse(0);
	}

	private static boolean carries(String line, Map<String, String> labels) {
		String labelText = line.substring(line.indexOf('{') + 1, line.lastIndexOf('}'));
		Matcher matcher = LABEL.matcher(labelText);
		int matched = 0;
		while (matcher.find()) {
			if (matcher.group(2).equals(labels.get(matcher.group(1)))) {
				matched++;
			}
		}
		return matched == labels.size();
	}

}
