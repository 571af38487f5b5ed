package com.finance.analytics.documents;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parsed and validated documents of one engine, keyed by their exact text: a dashboard
 * sends the same few documents with different variables, and parsing plus validating them
 * cost more CPU than the SQL they lead to (measured in docs/performance.md). Valid only
 * for the schema it was built with, so each engine has its own. Documents with errors are
 * not kept, and the cache starts over when full, so hostile documents cannot grow it.
 */
final class ParsedDocumentCache implements PreparsedDocumentProvider {

	static final int MAX_DOCUMENTS = 500;

	private final Map<Key, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		Key key = new Key(input.getQuery(), input.getOperationName());
		PreparsedDocumentEntry cached = documents.get(key);
		if (cached != null) {
			return CompletableFuture.completedFuture(cached);
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors()) {
			if (documents.size() >= MAX_DOCUMENTS) {
				documents.clear();
			}
			documents.put(key, entry);
		}
		return CompletableFuture.completedFuture(entry);
	}

	int size() {
		return documents.size();
	}

	private record Key(String query, String operationName) {
		Key {
			Objects.requireNonNull(query);
		}
	}

}
