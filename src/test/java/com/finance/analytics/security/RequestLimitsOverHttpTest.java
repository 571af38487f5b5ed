package com.finance.analytics.security;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.finance.analytics.security.SchemaExplorer.RootQuery;
import org.junit.jupiter.api.Test;

import static com.finance.analytics.security.GatewaySurface.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request limits at work on the real gateway over HTTP: body size, and width, depth
 * and list size of queries.
 */
class RequestLimitsOverHttpTest extends HostileRequests {

	@Test
	void oversizedBodiesDeclaredOrChunkedAreRefused() {
		String big = "{\"query\":\"{ analyticsStatus { available } }\",\"padding\":\"" + "x".repeat(70_000) + "\"}";
		String authorization = bearer(surface.me());

		var declared = http.postGraphQl(authorization, HttpRequest.BodyPublishers.ofString(big));
		var chunked = http.postGraphQl(authorization, HttpRequest.BodyPublishers
			.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))));

		for (var response : List.of(declared, chunked)) {
			assertThat(response.status()).isEqualTo(413);
			assertThat(response.errorCodes()).containsExactly("BAD_REQUEST");
		}
	}

	@Test
	void tooWideTooDeepOrTooLongListQueriesOfTheGeneratedSchemaAreBadRequests() {
		String authorization = bearer(surface.me());
		String wide = Stream.iterate(0, i -> i + 1)
			.limit(11)
			.map(i -> "s" + i + ": analyticsStatus { available }")
			.collect(Collectors.joining(" ", "{ ", " }"));
		String deep = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType {"
				+ " ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } } } } }";
		String ids = Stream.iterate(0, i -> i + 1)
			.limit(101)
			.map(i -> "\"" + UUID.randomUUID() + "\"")
			.collect(Collectors.joining(","));
		RootQuery spending = surface.everything()
			.stream()
			.filter(q -> q.field().name().equals("spendingByTag"))
			.findFirst()
			.orElseThrow();

		for (String query : List.of(wide, deep, spending.render("", "tagIds: [" + ids + "]"))) {
			var response = http.graphQl(authorization, query, Map.of());
			assertThat(response.errorCodes()).as(query).containsExactly("BAD_REQUEST");
		}
	}

}
