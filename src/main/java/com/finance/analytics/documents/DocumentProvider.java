package com.finance.analytics.documents;

import com.finance.analytics.error.CodedErrors;
import com.finance.analytics.error.ErrorCode;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Resolves the document of each request of one engine: from the trusted-documents
 * manifest when configured (nothing else runs), else from the automatic persisted queries
 * store when the request names a hash, else the request's own text; then parses and
 * validates it through the engine's {@link ParsedDocumentCache}.
 */
final class DocumentProvider implements PreparsedDocumentProvider {

	static final String NOT_FOUND_MESSAGE = "PersistedQueryNotFound";

	private final PersistedQueries persisted;

	private final Optional<TrustedDocuments> trusted;

	private final ParsedDocumentCache parsed = new ParsedDocumentCache();

	DocumentProvider(PersistedQueries persisted, Optional<TrustedDocuments> trusted) {
		this.persisted = persisted;
		this.trusted = trusted;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		Optional<String> hash = DocumentHashes.requested(input.getExtensions());
		Optional<String> text = text(input);
		if (trusted.isPresent()) {
			Optional<String> document = hash.flatMap(trusted.get()::get)
				.or(() -> text.map(DocumentHashes::sha256).flatMap(trusted.get()::get));
			if (document.isEmpty()) {
				// A hash alone may be a client probing before it sends the text (Apollo
				// does): let it send the text,
				// which is then refused with the reason.
				return hash.isPresent() && text.isEmpty() ? notFound() : error(ErrorCode.FORBIDDEN,
						"Only trusted documents run on this gateway, and this operation is not one of them");
			}
			return parsed.getDocumentAsync(withQuery(input, document.get()), parseAndValidate);
		}
		if (hash.isPresent()) {
			if (text.isEmpty()) {
				Optional<String> stored = persisted.get(hash.get());
				if (stored.isEmpty()) {
					return notFound();
				}
				return parsed.getDocumentAsync(withQuery(input, stored.get()), parseAndValidate);
			}
			if (!DocumentHashes.sha256(text.get()).equals(hash.get())) {
				return error(ErrorCode.BAD_REQUEST,
						"extensions.persistedQuery.sha256Hash is not the sha256 of the query");
			}
			persisted.register(hash.get(), text.get());
		}
		return parsed.getDocumentAsync(input, parseAndValidate);
	}

	/**
	 * The request's own document text; Spring for GraphQL puts a marker there when only a
	 * hash was sent.
	 */
	private static Optional<String> text(ExecutionInput input) {
		String query = input.getQuery();
		return query == null || query.isBlank() || PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(query)
				? Optional.empty() : Optional.of(query);
	}

	private static ExecutionInput withQuery(ExecutionInput input, String document) {
		return input.transform(builder -> builder.query(document));
	}

	/**
	 * Apollo's protocol: clients recognise this message and code, and retry with the
	 * document's text.
	 */
	private static CompletableFuture<PreparsedDocumentEntry> notFound() {
		return error(ErrorCode.PERSISTED_QUERY_NOT_FOUND, NOT_FOUND_MESSAGE);
	}

	private static CompletableFuture<PreparsedDocumentEntry> error(ErrorCode code, String message) {
		return CompletableFuture.completedFuture(new PreparsedDocumentEntry(CodedErrors.graphQlError(code, message)));
	}

}
