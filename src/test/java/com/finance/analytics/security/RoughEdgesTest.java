package com.finance.analytics.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.finance.analytics.GatewayHttp;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import com.finance.analytics.GatewayTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the black-box probe found answered badly, over real HTTP to the gateway
 * serving the real test snapshot: each is refused with a stable code and a message in the
 * API's terms, in the same shape on GraphQL and REST, and never with a Java class name, a
 * syntax tree dump or the container's HTML page.
 */
@GatewayTest
class RoughEdgesTest {

	private static final UUID USER = UUID.fromString("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");

	private static final String ROWS = "/api/analytics/datasets/fct_transactions/query";

	@Autowired
	private GatewayHttp http;

	@LocalServerPort
	private int port;

	@Test
	void emptyIdListIsRefusedOnGraphQlAsOnRest() {
		for (String query : new String[] { "{ fctTransactions(filter: { accountIds: [] }) { totalCount } }",
				"{ fctTransactions(filter: { tagIds: [] }) { totalCount } }",
				"{ spendingByTag(startDate: \"2026-01-01\", endDate: \"2026-03-31\", tagIds: []) { currency } }",
				"{ balanceHistory(startDate: \"2026-01-01\", endDate: \"2026-03-31\", accountIds: []) { balanceDate } }" }) {
			var response = http.graphQl(TestTokens.bearer(USER), query, Map.of());

			assertThat(response.errorCodes()).as(response.text()).containsExactly("BAD_REQUEST");
			assertThat(response.errorMessages().getFirst()).as(query)
				.contains("is an empty list, which is not a filter");
		}
		var rest = http.get(TestTokens.bearer(USER), ROWS + "?account_ids=");
		assertThat(rest.status()).isEqualTo(400);
		assertThat(rest.json().path("detail").asString())
			.contains("account_ids is an empty list, which is not a filter");
	}

	@Test
	void wrongKindOfValueIsExplainedInGraphQlTerms() {
		for (String query : new String[] {
				"{ fctTransactions(filter: { accountIds: [[\"6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7\"]] }) { totalCount } }",
				"{ fctTransactions(filter: { accountIds: [42] }) { totalCount } }",
				"{ fctTransactions(filter: { startDate: [\"2026-01-01\"] }) { totalCount } }",
				"{ fctTransactions(filter: { startDate: 20260101 }) { totalCount } }" }) {
			var response = http.graphQl(TestTokens.bearer(USER), query, Map.of());

			assertThat(response.errorCodes()).as(response.text()).containsExactly("BAD_REQUEST");
			assertThat(response.errorMessages().getFirst()).as(query)
				.doesNotContain("java.", "AST", "ArrayValue", "StringValue", "IntValue", "{values=")
				.containsAnyOf("expected a UUID", "expected a Date");
		}
	}

	@Test
	void expandedYearIsRefusedOnGraphQlAsOnRest() {
		var graphQl = http.graphQl(TestTokens.bearer(USER),
				"{ fctTransactions(filter: { startDate: \"+10000-01-01\" }) { totalCount } }", Map.of());
		var variable = http.graphQl(TestTokens.bearer(USER),
				"query($d: Date) { fctTransactions(filter: { startDate: $d }) { totalCount } }",
				Map.of("d", "+10000-01-01"));
		var rest = http.get(TestTokens.bearer(USER), ROWS + "?start_date=%2B10000-01-01");

		assertThat(graphQl.errorCodes()).as(graphQl.text()).containsExactly("BAD_REQUEST");
		assertThat(variable.errorCodes()).as(variable.text()).containsExactly("BAD_REQUEST");
		assertThat(rest.status()).isEqualTo(400);
	}

	@Test
	void overlongUtf8InAGraphQlBodyIsRefused() {
		byte[] prefix = "{\"query\":\"{ analyticsStatus { available } }\",\"variables\":{\"a\":\"x"
			.getBytes(StandardCharsets.UTF_8);
		// C0 A2 is an overlong '"': read leniently it would close the string and make the
		// body valid JSON
		byte[] body = new byte[prefix.length + 4];
		System.arraycopy(prefix, 0, body, 0, prefix.length);
		body[prefix.length] = (byte) 0xC0;
		body[prefix.length + 1] = (byte) 0xA2;
		body[prefix.length + 2] = '}';
		body[prefix.length + 3] = '}';

		var response = http.postGraphQl(TestTokens.bearer(USER), HttpRequest.BodyPublishers.ofByteArray(body));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCodes()).containsExactly("BAD_REQUEST");
		assertThat(response.errorMessages().getFirst()).contains("UTF-8");
	}

	@Test
	void paginationTakesPlainAsciiDigitsOnly() {
		for (String value : new String[] { "%2B1", "%D9%A1%D9%A0", "%EF%BC%91" }) {
			var response = http.get(TestTokens.bearer(USER), ROWS + "?limit=" + value);

			assertThat(response.status()).as(value).isEqualTo(400);
			assertThat(response.problemCode()).as(value).isEqualTo("BAD_REQUEST");
		}
		assertThat(http.get(TestTokens.bearer(USER), ROWS + "?limit=10&offset=0").status()).isEqualTo(200);
	}

	@Test
	void unencodedBracketsInAQueryStringReachTheApi() throws IOException {
		String answer = raw("GET " + ROWS + "?account_ids[]=" + USER + " HTTP/1.1\r\n" + "Authorization: "
				+ TestTokens.bearer(USER) + "\r\n");

		assertThat(answer).startsWith("HTTP/1.1 400")
			.containsIgnoringCase("content-type: application/problem+json")
			.contains("\"code\":\"BAD_REQUEST\"")
			.contains("Unknown parameter 'account_ids[]'");
	}

	@Test
	void requestsTheContainerRefusesGetTheApiErrorShape() throws IOException {
		String bigHeader = "GET /api/analytics/status HTTP/1.1\r\nX-Big: " + "b".repeat(100_000) + "\r\n";
		SoftAssertions softly = new SoftAssertions();
		for (String request : new String[] { "GET /api/analytics/datasets/fct%00transactions/schema HTTP/1.1\r\n",
				"GET /api/analytics/datasets/fct%2Ftransactions/schema HTTP/1.1\r\n", bigHeader }) {
			String answer = raw(request);
			String shown = request.substring(0, Math.min(80, request.length())) + " -> "
					+ answer.substring(0, Math.min(300, answer.length()));

			softly.assertThat(answer)
				.as(shown)
				.startsWith("HTTP/1.1 400")
				.containsIgnoringCase("content-type: application/problem+json")
				.contains("\"code\":\"BAD_REQUEST\"")
				.doesNotContainIgnoringCase("<html")
				.doesNotContain("Tomcat");
		}
		softly.assertAll();
	}

	@Test
	void requestLineTooLongToReadIsRefusedWithoutAnHtmlPage() throws IOException {
		// Tomcat cannot route a request line it could not read, so no error page of any
		// kind runs: an empty 400
		String answer = raw("GET /api/analytics/status?x=" + "a".repeat(70_000) + " HTTP/1.1\r\n");

		assertThat(answer).startsWith("HTTP/1.1 400").doesNotContainIgnoringCase("<html").doesNotContain("Tomcat");
	}

	@Test
	void errorPathIsNotAServerError() {
		var response = http.get(null, "/error");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.text()).doesNotContain("999").doesNotContainIgnoringCase("<html");
		assertThat(response.errorCodes()).containsExactly("NOT_FOUND");
	}

	/**
	 * One request written as given (plus Host and Connection: close), and everything the
	 * server answers.
	 */
	private String raw(String requestLineAndHeaders) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write((requestLineAndHeaders + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			try {
				in.transferTo(answer);
			}
			catch (IOException e) {
				// a reset after a refusal of an oversized request: what arrived before it
				// is the answer
			}
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

}
