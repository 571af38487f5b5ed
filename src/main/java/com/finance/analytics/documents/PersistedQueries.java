package com.finance.analytics.documents;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Apollo's automatic persisted queries: documents registered by their sha256, so a client
 * sends a short hash instead of the whole document (and can use GET). Bounded: the least
 * recently used document goes when the store is full, so registering hashes cannot grow
 * memory; a client whose hash was evicted just registers it again. A document outlives
 * snapshot swaps as text; it is parsed and validated again against each new schema.
 */
public final class PersistedQueries {

	private final Map<String, String> documents;

	PersistedQueries(int capacity) {
		this.documents = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
				return size() > capacity;
			}
		};
	}

	synchronized Optional<String> get(String hash) {
		return Optional.ofNullable(documents.get(hash));
	}

	synchronized void register(String hash, String document) {
		documents.put(hash, document);
	}

	synchronized int size() {
		return documents.size();
	}

	/**
	 * @param persistedQueries documents kept for automatic persisted queries
	 * @param trustedDocuments a JSON manifest {@code {"<sha256>": "<document>"}}
	 * (graphql-codegen's client preset writes one); when set, only its documents run and
	 * automatic registration is off
	 */
	@ConfigurationProperties("analytics.graphql")
	public record Properties(@DefaultValue("1000") int persistedQueries, String trustedDocuments) {
	}

}
