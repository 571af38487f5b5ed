package com.finance.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw HTTP to the running gateway, for what a GraphQL client would never send or hides:
 * hostile and malformed bodies, odd headers, REST calls, and answers read to the byte
 * (status, headers, body, time taken). Ordinary GraphQL calls use
 * {@link org.springframework.graphql.test.tester.HttpGraphQlTester} instead.
 */
public final class GatewayHttp {

	/**
	 * Numbers read as exact decimals, so two answers are equal only when they carry the
	 * same digits (140.00 ≠ 140.0).
	 */
	public static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final Duration timeout;

	GatewayHttp(int port, Duration timeout) {
		this.base = "http://127.0.0.1:" + port;
		this.timeout = timeout;
	}

	/**
	 * A request to {@code pathAndQuery} (already encoded), to add headers and a method to
	 * and {@link #send}.
	 */
	public HttpRequest.Builder request(String pathAndQuery) {
		return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout);
	}

	/**
	 * A GET with the given {@code Authorization} header value, or none when it is null.
	 */
	public Response get(String authorization, String pathAndQuery) {
		return send(authorized(request(pathAndQuery).GET(), authorization));
	}

	/** A POST without a body. */
	public Response post(String authorization, String pathAndQuery) {
		return send(authorized(request(pathAndQuery).POST(HttpRequest.BodyPublishers.noBody()), authorization));
	}

	/** A JSON body, well-formed or not, posted to {@code /graphql}. */
	public Response postGraphQl(String authorization, HttpRequest.BodyPublisher body) {
		return send(
				authorized(request("/graphql").header("Content-Type", "application/json").POST(body), authorization));
	}

	/**
	 * The named document {@code graphql-test/<name>.graphql}, the one
	 * {@code HttpGraphQlTester.documentName(name)} sends, for a fixed document whose raw
	 * answer (HTTP status, exact digits) the test reads.
	 */
	public static String document(String name) {
		try (InputStream in = GatewayHttp.class.getResourceAsStream("/graphql-test/" + name + ".graphql")) {
			if (in == null) {
				throw new IllegalArgumentException("no document graphql-test/" + name + ".graphql");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A GraphQL document (named, generated or hostile) with its variables. */
	public Response graphQl(String authorization, String document, Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", document);
		body.put("variables", variables);
		return postGraphQl(authorization, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
	}

	public Response send(HttpRequest.Builder request) {
		try {
			long start = System.nanoTime();
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers(), response.body(),
					(System.nanoTime() - start) / 1_000_000);
		}
		catch (IOException e) {
			throw new IllegalStateException("request to " + base + " failed", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static HttpRequest.Builder authorized(HttpRequest.Builder request, String authorization) {
		return authorization == null ? request : request.header("Authorization", authorization);
	}

	/**
	 * One HTTP exchange; the body is parsed only when asked, since a refusal need not be
	 * JSON.
	 */
	public record Response(int status, HttpHeaders headers, String text, long millis) {

		public String contentType() {
			return headers.firstValue("Content-Type").orElse("");
		}

		public JsonNode json() {
			return JSON.readTree(text);
		}

		public JsonNode data() {
			return json().path("data");
		}

		/** The {@code extensions.code} of each GraphQL error. */
		public List<String> errorCodes() {
			List<String> codes = new ArrayList<>();
			json().path("errors").forEach(error -> codes.add(error.path("extensions").path("code").asString("")));
			return codes;
		}

		public List<String> errorMessages() {
			List<String> messages = new ArrayList<>();
			json().path("errors").forEach(error -> messages.add(error.path("message").asString("")));
			return messages;
		}

		/**
		 * The {@code code} member of a REST problem detail, empty when the body is none.
		 */
		public String problemCode() {
			return json().path("code").asString("");
		}
	}

}
