package com.finance.analytics.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts the mix's GraphQL documents to the gateway, each with the drawn user's own bearer
 * token.
 */
final class GatewayClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI graphql;

	GatewayClient(int port) {
		this.graphql = URI.create("http://127.0.0.1:" + port + "/graphql");
	}

	/**
	 * Sends the request; fails unless the answer is HTTP 200 with data and no GraphQL
	 * error.
	 */
	String send(QueryKind kind, Request request) throws IOException, InterruptedException {
		String body = JSON.writeValueAsString(Map.of("query", kind.document(), "variables", kind.variables(request)));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(graphql)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + request.user().token())
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		String answer = response.body();
		if (response.statusCode() != 200 || answer.contains("\"errors\"") || !answer.startsWith("{\"data\"")) {
			throw new IOException("HTTP " + response.statusCode() + ": " + abbreviate(answer));
		}
		return answer;
	}

	/**
	 * Sends a session step as a browser with GET enabled does: a GET, with
	 * {@code If-None-Match} when this browser holds a tag for the same URL and user.
	 * Fails unless the answer is a 304 to a conditional request or HTTP 200 with data and
	 * no GraphQL error; keeps the answer's tag. Returns whether it was a 304.
	 */
	boolean get(Session.Step step, Map<String, String> browserCache) throws IOException, InterruptedException {
		String query = "query=" + URLEncoder.encode(step.document(), StandardCharsets.UTF_8) + "&variables="
				+ URLEncoder.encode(JSON.writeValueAsString(step.variables()), StandardCharsets.UTF_8);
		String key = step.user().userId() + "?" + query;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(graphql + "?" + query))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + step.user().token())
			.GET();
		String tag = browserCache.get(key);
		if (tag != null) {
			request.header("If-None-Match", tag);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 304 && tag != null) {
			return true;
		}
		String answer = response.body();
		if (response.statusCode() != 200 || answer.contains("\"errors\"") || !answer.startsWith("{\"data\"")) {
			throw new IOException("HTTP " + response.statusCode() + ": " + abbreviate(answer));
		}
		response.headers().firstValue("ETag").ifPresent(received -> browserCache.put(key, received));
		return false;
	}

	/**
	 * The number of top-level rows in an answer: the list itself, a page's nodes or a
	 * metric result's rows.
	 */
	static int rowCount(String answer) {
		JsonNode field = JSON.readTree(answer).path("data").properties().iterator().next().getValue();
		return field.isArray() ? field.size()
				: field.has("rows") ? field.path("rows").size() : field.path("nodes").size();
	}

	private static String abbreviate(String text) {
		return text.length() <= 300 ? text : text.substring(0, 300) + "...";
	}

}
