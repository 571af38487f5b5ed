package com.finance.analytics.documents;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.Parser;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParsedDocumentCacheTest {

	private final ParsedDocumentCache cache = new ParsedDocumentCache();

	private final AtomicInteger parses = new AtomicInteger();

	@Test
	void parsesAndValidatesTheSameDocumentOnceWhateverItsVariables() {
		PreparsedDocumentEntry first = cache.getDocumentAsync(input("query($s: Date) { a }", "2025-01-01"), this::parse)
			.join();
		PreparsedDocumentEntry second = cache
			.getDocumentAsync(input("query($s: Date) { a }", "2026-01-01"), this::parse)
			.join();

		assertThat(second).isSameAs(first);
		assertThat(parses).hasValue(1);
	}

	@Test
	void parsesADifferentDocumentAgain() {
		cache.getDocumentAsync(input("{ a }", null), this::parse).join();
		cache.getDocumentAsync(input("{ b }", null), this::parse).join();

		assertThat(parses).hasValue(2);
	}

	@Test
	void keepsNoDocumentThatFailedValidation() {
		PreparsedDocumentEntry invalid = new PreparsedDocumentEntry(
				GraphqlErrorBuilder.newError().message("bad").build());
		cache.getDocumentAsync(input("{ unknown }", null), in -> count(invalid)).join();
		PreparsedDocumentEntry again = cache.getDocumentAsync(input("{ unknown }", null), in -> count(invalid)).join();

		assertThat(again.hasErrors()).isTrue();
		assertThat(parses).hasValue(2);
		assertThat(cache.size()).isZero();
	}

	@Test
	void startsOverInsteadOfGrowingPastItsBound() {
		for (int i = 0; i <= ParsedDocumentCache.MAX_DOCUMENTS; i++) {
			cache.getDocumentAsync(input("{ a" + i + " }", null), this::parse).join();
		}

		assertThat(cache.size()).isEqualTo(1);
	}

	private PreparsedDocumentEntry parse(ExecutionInput input) {
		Document document = Parser.parse(input.getQuery());
		return count(new PreparsedDocumentEntry(document));
	}

	private PreparsedDocumentEntry count(PreparsedDocumentEntry entry) {
		parses.incrementAndGet();
		return entry;
	}

	private static ExecutionInput input(String query, String start) {
		ExecutionInput.Builder builder = ExecutionInput.newExecutionInput(query);
		if (start != null) {
			builder.variables(java.util.Map.of("s", start));
		}
		return builder.build();
	}

}
