package com.finance.analytics.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trusted-documents manifest: the only operations that run when it is configured.
 * Read once at start-up; a manifest entry whose hash is not the sha256 of its document is
 * refused then, so a hash always names its text.
 */
public final class TrustedDocuments {

	private final Map<String, String> byHash;

	private TrustedDocuments(Map<String, String> byHash) {
		this.byHash = Map.copyOf(byHash);
	}

	static TrustedDocuments read(Path manifest, JsonMapper json) {
		JsonNode root;
		try {
			root = json.readTree(Files.readString(manifest));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the trusted-documents manifest " + manifest, e);
		}
		if (!root.isObject()) {
			throw new IllegalStateException(
					"The trusted-documents manifest " + manifest + " must be a JSON object of sha256 hash to document");
		}
		Map<String, String> documents = new LinkedHashMap<>();
		root.properties().forEach(entry -> {
			String document = entry.getValue().asString();
			String hash = entry.getKey().toLowerCase(java.util.Locale.ROOT);
			if (!DocumentHashes.sha256(document).equals(hash)) {
				throw new IllegalStateException(
						"Trusted document " + entry.getKey() + " in " + manifest + " is not the sha256 of its text");
			}
			documents.put(hash, document);
		});
		return new TrustedDocuments(documents);
	}

	Optional<String> get(String hash) {
		return Optional.ofNullable(byHash.get(hash));
	}

	List<String> hashes() {
		return List.copyOf(byHash.keySet());
	}

	int size() {
		return byHash.size();
	}

}
