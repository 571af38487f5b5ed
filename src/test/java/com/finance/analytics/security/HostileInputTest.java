package com.finance.analytics.security;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.security.GatewaySurface.ArgumentPath;
import com.finance.analytics.security.SchemaExplorer.RootQuery;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.finance.analytics.security.GatewaySurface.abbreviate;
import static com.finance.analytics.security.GatewaySurface.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile values in every argument of every root field, in every REST query parameter and
 * dataset id, and malformed request bodies, over real HTTP: never a server error, always
 * a client error code, no internals (SQL, stack frames, database messages) and no other
 * user's data in the answer.
 */
class HostileInputTest extends HostileRequests {

	private static final Set<String> CLIENT_ERROR_CODES = Set.of("BAD_REQUEST", "FORBIDDEN", "NOT_FOUND");

	private static final Pattern INTERNALS = Pattern
		.compile("(?i)\"\\w+\"\\s*(=|in)\\s*\\(?\\?|from\\s+\"\\w+\"\\.\"\\w+\"|limit \\? offset \\?|list_has_any|"
				+ "exception|\\bat (com|org|java)\\.[\\w.$]+\\(|\\.java:\\d|duckdb|sqlstate|"
				+ "(binder|parser|catalog|conversion|invalid input|constraint|out of range) error");

	@Test
	void hostileArgumentValuesCauseNoServerErrorNoLeakAndNoInternals() {
		SourceOwnership.Owned me = surface.me();
		HostileValues values = new HostileValues(20261124L, sortedIds(me.accounts()),
				sortedIds(surface.other().accounts()));
		SlowestRequests slowest = new SlowestRequests();
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (RootQuery query : surface.everything()) {
			for (ArgumentPath path : surface.argumentPaths(query)) {
				for (Object value : values.variableValues(12)) {
					failures.addAll(problems(Api.GRAPHQL, me, path + " = " + abbreviate(value), String.valueOf(value),
							http.graphQl(bearer(me), path.renderWithVariable(query), HostileValues.variables(value)),
							slowest));
					sent++;
				}
				for (String literal : values.literals(5)) {
					failures.addAll(problems(Api.GRAPHQL, me, path + " literal " + abbreviate(literal), literal,
							http.graphQl(bearer(me), path.renderWithLiteral(query, literal), Map.of()), slowest));
					sent++;
				}
				failures.addAll(problems(
						Api.GRAPHQL, me, path + " as String variable", "' OR 1=1 --", http.graphQl(bearer(me),
								path.renderWithVariableOfType(query, "String"), HostileValues.variables("' OR 1=1 --")),
						slowest));
				sent++;
			}
		}
		slowest.report("GraphQL");
		assertThat(sent).isGreaterThanOrEqualTo(500);
		assertThat(failures).as("%d of %d hostile requests misbehaved", failures.size(), sent).isEmpty();
	}

	@Test
	void hostileRestParametersAndDatasetIdsCauseNoServerErrorNoLeakAndNoInternals() {
		SourceOwnership.Owned me = surface.me();
		HostileValues values = new HostileValues(1124L, sortedIds(me.accounts()),
				sortedIds(surface.other().accounts()));
		SlowestRequests slowest = new SlowestRequests();
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (String url : surface.restUrls()) {
			List<String> parameters = new ArrayList<>(surface.restParameters().get(url));
			parameters.add("unexpected_parameter");
			for (String parameter : parameters) {
				for (String value : values.queryValues(8)) {
					String description = url + " " + parameter + "=" + abbreviate(value);
					failures.addAll(problems(Api.REST, me, description, value,
							http.get(bearer(me), GatewaySurface.with(url, parameter, value)), slowest));
					sent++;
				}
			}
			if (url.contains("/datasets/")) {
				for (String value : values.queryValues(8)) {
					String hostileUrl = url.replaceFirst("/datasets/[^/]+/",
							"/datasets/" + GatewaySurface.encode(value) + "/");
					failures.addAll(problems(Api.REST, me, "dataset id " + abbreviate(value), value,
							http.get(bearer(me), hostileUrl), slowest));
					sent++;
				}
			}
		}
		slowest.report("REST");
		assertThat(sent).isGreaterThanOrEqualTo(300);
		assertThat(failures).as("%d of %d hostile REST calls misbehaved", failures.size(), sent).isEmpty();
	}

	@Test
	void malformedRequestBodiesAreClientErrors() {
		SourceOwnership.Owned me = surface.me();
		List<String> bodies = List.of("", "not json", "[]", "{}", "null", "{\"query\":1}", "{\"query\":null}",
				"{\"query\":[\"{ datasets { id } }\"]}", "{\"query\":\"{ datasets { id } }\",\"variables\":\"x\"}",
				"{\"query\":\"{ datasets { id } }\",\"variables\":[1]}",
				"{\"query\":\"{ datasets { id } }\",\"operationName\":5}",
				"{\"query\":\"{ datasets { id } }\",\"extensions\":\"x\"}", "[".repeat(5_000) + "]".repeat(5_000),
				"{\"query\":\"{ datasets { id } }\",\"variables\":{\"a\":" + "[".repeat(3_000) + "]".repeat(3_000)
						+ "}}",
				"{\"query\":\"" + "{a".repeat(3_000) + "\"}",
				"{\"query\":\"query { datasets { id } } query { datasets { id } }\"}",
				"{\"query\":\"{ datasets { id } }\u0000\"}", "\uFEFF{\"query\":\"{ datasets { id } }\"}");
		SlowestRequests slowest = new SlowestRequests();
		List<String> failures = new ArrayList<>();
		for (String body : bodies) {
			var response = http.postGraphQl(bearer(me), HttpRequest.BodyPublishers.ofString(body));
			if (response.status() == 200) {
				failures.addAll(problems(Api.GRAPHQL, me, "body " + abbreviate(body), body, response, slowest));
			}
			else if (response.status() != 400 || !response.errorCodes().equals(List.of("BAD_REQUEST"))) {
				failures.add(
						"body " + abbreviate(body) + ": HTTP " + response.status() + " " + abbreviate(response.text()));
			}
		}
		assertThat(failures).isEmpty();
	}

	private static List<UUID> sortedIds(Set<String> ids) {
		return ids.stream().map(UUID::fromString).sorted().toList();
	}

	/**
	 * How each API answers: the statuses a client error may carry, where codes and data
	 * sit in the body.
	 */
	private enum Api {

		GRAPHQL(Set.of(200, 400, 413)) {
			@Override
			List<String> codes(JsonNode body, int status) {
				List<String> codes = new ArrayList<>();
				body.path("errors").forEach(error -> codes.add(error.path("extensions").path("code").asString("")));
				return codes;
			}

			@Override
			JsonNode data(JsonNode body, int status) {
				return body.path("data");
			}
		},
		REST(Set.of(200, 400, 403, 404)) {
			@Override
			List<String> codes(JsonNode body, int status) {
				return status == 200 ? List.of() : List.of(body.path("code").asString(""));
			}

			@Override
			JsonNode data(JsonNode body, int status) {
				return status == 200 ? body : body.path("no data in a problem");
			}
		};

		private final Set<Integer> statuses;

		Api(Set<Integer> statuses) {
			this.statuses = statuses;
		}

		abstract List<String> codes(JsonNode body, int status);

		abstract JsonNode data(JsonNode body, int status);

	}

	/**
	 * What is wrong with the answer to a hostile request: a server error, an error
	 * without a client code, internals (SQL, stack frames, database messages) other than
	 * the client's own input echoed back, or another user's data.
	 */
	private static List<String> problems(Api api, SourceOwnership.Owned caller, String description, String echoed,
			GatewayHttp.Response response, SlowestRequests slowest) {
		slowest.note(description, response.millis());
		List<String> problems = new ArrayList<>();
		int status = response.status();
		if (!api.statuses.contains(status)) {
			problems.add(description + ": HTTP " + status + " " + abbreviate(response.text()));
			return problems;
		}
		JsonNode body;
		try {
			body = response.json();
		}
		catch (RuntimeException notJson) {
			// Tomcat refuses request lines it cannot parse with a plain 400, before any
			// application code runs
			if (status != 400) {
				problems.add(description + ": unparsable body " + abbreviate(response.text()));
			}
			return problems;
		}
		if (INTERNALS.matcher(withoutEcho(response.text(), echoed)).find()) {
			problems.add(description + ": internals in response " + abbreviate(response.text()));
		}
		for (String code : api.codes(body, status)) {
			if (!CLIENT_ERROR_CODES.contains(code)) {
				problems.add(description + ": error without a client code: " + abbreviate(response.text()));
			}
		}
		JsonNode data = api.data(body, status);
		if (data.isObject() || data.isArray()) {
			List<String> foreign = IsolationCheck.of(caller, data).foreignValues();
			if (!foreign.isEmpty()) {
				problems.add(description + ": foreign values " + foreign.subList(0, Math.min(3, foreign.size())));
			}
		}
		return problems;
	}

	/**
	 * The response with the client's own input (raw, JSON-escaped, or as a literal's
	 * content) taken out.
	 */
	private static String withoutEcho(String text, String echoed) {
		String result = text;
		String json = GatewayHttp.JSON.writeValueAsString(echoed);
		for (String form : List.of(json.substring(1, json.length() - 1), echoed, unquoted(echoed))) {
			if (form.length() > 2) {
				result = result.replace(form, "<input>");
			}
		}
		return result;
	}

	private static String unquoted(String literal) {
		try {
			return Objects.requireNonNullElse(GatewayHttp.JSON.readValue(literal, String.class), literal);
		}
		catch (RuntimeException notAJsonString) {
			return literal;
		}
	}

	/**
	 * The slowest hostile requests, printed for whoever looks for an expensive input
	 * (reported, never asserted).
	 */
	private static final class SlowestRequests {

		private final TreeMap<Long, String> byMillis = new TreeMap<>();

		void note(String description, long millis) {
			byMillis.put(millis, description);
			if (byMillis.size() > 5) {
				byMillis.pollFirstEntry();
			}
		}

		void report(String api) {
			System.out.println("Slowest hostile " + api + " requests (ms): " + byMillis.descendingMap());
		}

	}

}
