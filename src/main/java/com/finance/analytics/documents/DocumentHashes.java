package com.finance.analytics.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The sha256 of a document as clients compute it (lower-case hex of its UTF-8 bytes), and
 * where they send it.
 */
public final class DocumentHashes {

	private DocumentHashes() {
	}

	public static String sha256(String document) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every JVM has SHA-256", e);
		}
	}

	/**
	 * {@code extensions.persistedQuery.sha256Hash} (Apollo's protocol, used by trusted
	 * documents too).
	 */
	public static Optional<String> requested(Map<String, Object> extensions) {
		if (extensions != null && extensions.get("persistedQuery") instanceof Map<?, ?> persisted
				&& persisted.get("sha256Hash") instanceof String hash && !hash.isBlank()) {
			return Optional.of(hash.toLowerCase(java.util.Locale.ROOT));
		}
		return Optional.empty();
	}

}
