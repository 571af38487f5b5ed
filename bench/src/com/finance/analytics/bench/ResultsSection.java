package com.finance.analytics.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replaces the generated part of a document, between two marker comments, leaving the
 * written text around it.
 */
final class ResultsSection {

	static final String START = "<!-- bench:results -->";
	static final String END = "<!-- /bench:results -->";

	private ResultsSection() {
	}

	static void replace(Path document, String results) throws IOException {
		String text = Files.readString(document, StandardCharsets.UTF_8);
		int start = text.indexOf(START);
		int end = text.indexOf(END);
		if (start < 0 || end < start) {
			throw new IllegalStateException(document + " has no " + START + " ... " + END + " section");
		}
		String updated = text.substring(0, start + START.length()) + "\n" + results + "\n" + text.substring(end);
		Files.writeString(document, updated, StandardCharsets.UTF_8);
	}

}
