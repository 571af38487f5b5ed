package com.finance.analytics.http;

import com.finance.analytics.documents.DocumentHashes;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.http.MediaType;

/**
 * The entity tag of a GET answer: a hash over everything the answer depends on — the
 * snapshot (data and schema), the caller, the representation, and the raw request
 * parameters (document, operation, variables, extensions) — each length-prefixed so no
 * two different requests share a tag. A snapshot never changes once published, so the tag
 * changes exactly when the answer can.
 */
final class ResponseTags {

	private ResponseTags() {
	}

	static String of(String snapshotId, UUID caller, MediaType mediaType, List<String> parameters) {
		StringBuilder input = new StringBuilder();
		append(input, snapshotId);
		append(input, caller.toString());
		append(input, mediaType.toString());
		parameters.forEach(parameter -> append(input, parameter));
		return "\"" + DocumentHashes.sha256(input.toString()) + "\"";
	}

	/**
	 * Whether an {@code If-None-Match} header value names {@code tag} (a list, weak tags,
	 * or {@code *}).
	 */
	static Predicate<String> matcher(String tag) {
		return header -> Arrays.stream(header.split(","))
			.map(String::strip)
			.map(candidate -> candidate.startsWith("W/") ? candidate.substring(2) : candidate)
			.anyMatch(candidate -> candidate.equals(tag) || candidate.equals("*"));
	}

	private static void append(StringBuilder input, String value) {
		if (value == null) {
			input.append("-1:");
		}
		else {
			input.append(value.length()).append(':').append(value);
		}
	}

}
