package com.finance.analytics.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.TestFixtures;
import com.finance.analytics.security.SchemaExplorer.Argument;
import com.finance.analytics.security.SchemaExplorer.RootQuery;
import com.finance.analytics.security.SchemaExplorer.TypeRef;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the hostile suites aim at, read from the live gateway and the source data once per
 * test class and never changed afterwards: the callers (two users with tags, one
 * without), every root query found by introspection, every GET operation of the OpenAPI
 * document as a callable URL. Found rather than listed, so that new fields and endpoints
 * are covered automatically; ownership comes from the source data, not from the marts
 * under test.
 *
 * @param callers users of the source data, the first two with tags
 * @param schema the live schema
 * @param everything a query per root field selecting everything reachable, its required
 * arguments filled in
 * @param uncovered root fields whose required arguments the suite cannot fill
 * @param restUrls every GET operation as a URL, the dataset id expanded to every served
 * dataset
 * @param restParameters the query parameters each of those URLs accepts
 * @param restUncovered REST operations the suite cannot call
 */
record GatewaySurface(List<SourceOwnership.Owned> callers, SchemaExplorer schema, List<RootQuery> everything,
		List<String> uncovered, List<String> restUrls, Map<String, List<String>> restParameters,
		List<String> restUncovered) {

	static final String START = "2025-01-01";
	static final String END = "2026-12-31";

	static GatewaySurface discover(GatewayHttp http) throws Exception {
		SourceOwnership ownership = SourceOwnership.load(TestFixtures.sourceDatabase());
		List<SourceOwnership.Owned> withTags = ownership.users()
			.stream()
			.sorted()
			.map(ownership::of)
			.filter(owned -> !owned.tags().isEmpty())
			.toList();
		List<SourceOwnership.Owned> withoutTags = ownership.users()
			.stream()
			.sorted()
			.map(ownership::of)
			.filter(owned -> owned.tags().isEmpty() && !owned.isEmpty())
			.toList();
		List<SourceOwnership.Owned> callers = Stream.concat(withTags.stream().limit(2), withoutTags.stream().limit(1))
			.toList();
		assertThat(callers).as("test data needs two users with tags").hasSizeGreaterThanOrEqualTo(2);

		var introspection = http.graphQl(bearer(callers.getFirst()), SchemaExplorer.INTROSPECTION, Map.of());
		assertThat(introspection.status()).isEqualTo(200);
		SchemaExplorer schema = new SchemaExplorer(introspection.data().path("__schema"));
		List<String> uncovered = new ArrayList<>();
		List<RootQuery> everything = schema.readEverything(GatewaySurface::requiredValue, uncovered);

		List<String> restUrls = new ArrayList<>();
		Map<String, List<String>> restParameters = new HashMap<>();
		List<String> restUncovered = new ArrayList<>();
		readRestOperations(http, callers.getFirst(), restUrls, restParameters, restUncovered);
		return new GatewaySurface(callers, schema, List.copyOf(everything), List.copyOf(uncovered),
				List.copyOf(restUrls), Map.copyOf(restParameters), List.copyOf(restUncovered));
	}

	SourceOwnership.Owned me() {
		return callers.get(0);
	}

	SourceOwnership.Owned other() {
		return callers.get(1);
	}

	static String bearer(SourceOwnership.Owned caller) {
		return TestTokens.bearer(caller.userId());
	}

	static String abbreviate(Object value) {
		String text = String.valueOf(value);
		return text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + " chars)" : text;
	}

	// ---- GraphQL arguments

	/**
	 * Where a hostile value goes: an argument, or one field of an input-object argument
	 * (inside a list if need be).
	 */
	record ArgumentPath(Argument argument, String inputField, TypeRef valueType, boolean listOfInputs) {

		String renderWithVariable(RootQuery query) {
			return renderWithVariableOfType(query, valueType.sdl());
		}

		String renderWithVariableOfType(RootQuery query, String type) {
			return query.render("$v: " + type, place("$v"));
		}

		String renderWithLiteral(RootQuery query, String literal) {
			return query.render("", place(literal));
		}

		private String place(String value) {
			if (inputField == null) {
				return argument.name() + ": " + value;
			}
			String object = "{" + inputField + ": " + value + "}";
			return argument.name() + ": " + (listOfInputs ? "[" + object + "]" : object);
		}

		@Override
		public String toString() {
			return inputField == null ? argument.name() : argument.name() + "." + inputField;
		}
	}

	List<ArgumentPath> argumentPaths(RootQuery query) {
		List<ArgumentPath> paths = new ArrayList<>();
		for (Argument argument : query.field().arguments()) {
			paths.add(new ArgumentPath(argument, null, argument.type(), false));
			TypeRef named = argument.type().named();
			boolean list = argument.type().sdl().contains("[");
			for (Argument field : schema.inputFieldsOf(named.name())) {
				paths.add(new ArgumentPath(argument, field.name(), field.type(), list));
			}
		}
		return paths;
	}

	/** An accountIds / tagIds argument, directly on the field or inside its filter. */
	record IdArgument(ArgumentPath path, boolean accounts) {

		Set<String> owned(SourceOwnership.Owned owner) {
			return accounts ? owner.accounts() : owner.tags();
		}

		String render(RootQuery query) {
			return path.renderWithVariable(query);
		}
	}

	List<IdArgument> idArguments(RootQuery query) {
		return argumentPaths(query).stream()
			.filter(p -> Set.of("accountIds", "tagIds")
				.contains(p.inputField() == null ? p.argument().name() : p.inputField()))
			.map(p -> new IdArgument(p,
					(p.inputField() == null ? p.argument().name() : p.inputField()).equals("accountIds")))
			.toList();
	}

	private static String requiredValue(String fieldName, Argument argument) {
		String type = argument.type().named().name();
		return switch (argument.name()) {
			case "startDate" -> type.equals("Date") ? "\"" + START + "\"" : null;
			case "endDate" -> type.equals("Date") ? "\"" + END + "\"" : null;
			// Grouped by account as well, so the answer carries ids whose ownership is
			// checked.
			case "metrics" -> fieldName.equals("metrics") ? "[TRANSACTION_COUNT], groupBy: [ACCOUNT]" : null;
			case "id" -> switch (fieldName) {
				case "dataset" -> "\"fct_transactions\"";
				case "refreshRun" -> "\"" + UUID.randomUUID() + "\"";
				default -> null;
			};
			default -> null;
		};
	}

	// ---- REST

	boolean accepts(String url, String parameter) {
		return restParameters.getOrDefault(url, List.of()).contains(parameter);
	}

	String limitIfAccepted(String url) {
		return accepts(url, "limit") ? "limit=10000" : "";
	}

	/**
	 * The URL with {@code parameter} set to {@code value} (replacing a value the URL
	 * already carries).
	 */
	static String with(String url, String parameter, String value) {
		String withoutIt = url.replaceAll("([?&])" + parameter + "=[^&]*&?", "$1").replaceAll("[?&]$", "");
		return withoutIt + (withoutIt.contains("?") ? "&" : "?") + parameter + "=" + encode(value);
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Every GET operation of the OpenAPI document as a callable URL: the dataset id path
	 * parameter expanded to every served dataset, required dates filled in. The query
	 * parameters each accepts are kept for the hostile calls.
	 */
	private static void readRestOperations(GatewayHttp http, SourceOwnership.Owned caller, List<String> restUrls,
			Map<String, List<String>> restParameters, List<String> restUncovered) {
		var document = http.get(null, "/v3/api-docs");
		assertThat(document.status()).isEqualTo(200);
		Map<String, List<String>> declaredFilters = new HashMap<>();
		http.get(bearer(caller), "/api/analytics/datasets").json().forEach(dataset -> {
			List<String> filters = new ArrayList<>();
			dataset.path("filters").forEach(filter -> filters.add(filter.asString()));
			declaredFilters.put(dataset.path("id").asString(), filters);
		});
		Set<String> filterNames = Set.of("start_date", "end_date", "account_ids", "tag_ids");
		for (Map.Entry<String, JsonNode> path : document.json().path("paths").properties()) {
			JsonNode get = path.getValue().path("get");
			if (get.isMissingNode()) {
				continue;
			}
			List<String> query = new ArrayList<>();
			List<String> requiredQuery = new ArrayList<>();
			List<String> pathParameters = new ArrayList<>();
			for (JsonNode parameter : get.path("parameters")) {
				String name = parameter.path("name").asString();
				switch (parameter.path("in").asString()) {
					case "path" -> pathParameters.add(name);
					case "query" -> {
						query.add(name);
						if (parameter.path("required").asBoolean(false)) {
							requiredQuery.add(name);
						}
					}
					default -> {
					}
				}
			}
			if (pathParameters.equals(List.of("runId"))) {
				// a refresh run is operator state, not user rows: its scope rule is
				// RestHostileRequestsTest's
				continue;
			}
			Map<String, List<String>> urls = new TreeMap<>();
			if (pathParameters.isEmpty()) {
				urls.put(path.getKey(), query);
			}
			else if (pathParameters.equals(List.of("id"))) {
				// a dataset takes only the filters it declares; any other is (rightly) a
				// 400
				declaredFilters.forEach((id, declared) -> urls.put(path.getKey().replace("{id}", id),
						query.stream()
							.filter(name -> !filterNames.contains(name) || declared.contains(name))
							.toList()));
			}
			String requiredValues = requiredQuery.stream().map(name -> switch (name) {
				case "start_date" -> name + "=" + START;
				case "end_date" -> name + "=" + END;
				// grouped by account as well, so the rows carry ids whose ownership is
				// checked
				case "metrics" -> "metrics=transaction_count&group_by=account";
				default -> null;
			}).collect(Collectors.joining("&"));
			if (urls.isEmpty() || requiredValues.contains("null")) {
				restUncovered.add(path.getKey());
				continue;
			}
			urls.forEach((url, accepted) -> {
				String full = requiredValues.isEmpty() ? url : url + "?" + requiredValues;
				restUrls.add(full);
				restParameters.put(full, accepted);
			});
		}
	}
}
