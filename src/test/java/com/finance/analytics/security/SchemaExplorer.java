package com.finance.analytics.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Reads the live schema by introspection and writes, for every root field, a query that
 * selects everything reachable without further arguments (scalars, nested relations up to
 * three levels). Generated from the schema rather than listed by hand, so a field added
 * later is covered without touching the hostile suite.
 */
final class SchemaExplorer {

	static final String INTROSPECTION = """
			{ __schema { queryType { name } types { name kind
			    fields { name args { name defaultValue type { ...T } } type { ...T } }
			    inputFields { name type { ...T } } } } }
			fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }""";

	private static final int MAX_SELECTION_DEPTH = 3;

	/** A type reference with its wrappers, as introspection reports it. */
	record TypeRef(String kind, String name, TypeRef ofType) {

		static TypeRef of(JsonNode node) {
			return node == null || node.isNull() || node.isMissingNode() ? null : new TypeRef(
					node.path("kind").asString(), node.path("name").asString(null), of(node.get("ofType")));
		}

		TypeRef named() {
			return ofType == null ? this : ofType.named();
		}

		boolean nonNull() {
			return kind.equals("NON_NULL");
		}

		String sdl() {
			return switch (kind) {
				case "NON_NULL" -> ofType.sdl() + "!";
				case "LIST" -> "[" + ofType.sdl() + "]";
				default -> name;
			};
		}
	}

	record Argument(String name, TypeRef type, boolean hasDefault) {

		boolean required() {
			return type.nonNull() && !hasDefault;
		}
	}

	record Field(String name, List<Argument> arguments, TypeRef type) {

		boolean needsArguments() {
			return arguments.stream().anyMatch(Argument::required);
		}
	}

	/**
	 * One root field with the arguments it needs to run and the selection of everything
	 * below it.
	 */
	record RootQuery(Field field, Map<String, String> requiredArguments, String selection) {

		/**
		 * The query, with {@code extraArguments} (already rendered, e.g.
		 * {@code limit: 10}) added.
		 */
		String render(String variableDefinitions, String extraArguments) {
			List<String> arguments = new ArrayList<>();
			requiredArguments.forEach((name, value) -> {
				if (!extraArguments.contains(name + ":")) {
					arguments.add(name + ": " + value);
				}
			});
			if (!extraArguments.isBlank()) {
				arguments.add(extraArguments);
			}
			String args = arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")";
			String header = variableDefinitions.isBlank() ? "query" : "query(" + variableDefinitions + ")";
			return header + " { " + field.name() + args + (selection.isEmpty() ? "" : " { " + selection + " }") + " }";
		}

		Argument argument(String name) {
			return field.arguments().stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
		}
	}

	private final Map<String, List<Field>> objectFields = new HashMap<>();

	private final Map<String, List<Argument>> inputFields = new HashMap<>();

	private final Map<String, String> kinds = new HashMap<>();

	private final String queryType;

	SchemaExplorer(JsonNode schema) {
		queryType = schema.path("queryType").path("name").asString();
		for (JsonNode type : schema.path("types")) {
			String name = type.path("name").asString();
			kinds.put(name, type.path("kind").asString());
			if (type.path("fields").isArray()) {
				List<Field> fields = new ArrayList<>();
				for (JsonNode field : type.path("fields")) {
					fields.add(new Field(field.path("name").asString(), arguments(field.path("args")),
							TypeRef.of(field.path("type"))));
				}
				objectFields.put(name, fields);
			}
			if (type.path("inputFields").isArray()) {
				inputFields.put(name, arguments(type.path("inputFields")));
			}
		}
	}

	List<Field> rootFields() {
		return objectFields.get(queryType).stream().filter(f -> !f.name().startsWith("__")).toList();
	}

	List<Argument> inputFieldsOf(String inputType) {
		return inputFields.getOrDefault(inputType, List.of());
	}

	/**
	 * The root queries reading everything; {@code requiredValues} renders a value for a
	 * required argument by name and type, or returns null when it cannot (such fields are
	 * reported in {@code uncovered}).
	 */
	List<RootQuery> readEverything(RequiredValues requiredValues, List<String> uncovered) {
		List<RootQuery> queries = new ArrayList<>();
		for (Field field : rootFields()) {
			Map<String, String> required = new LinkedHashMap<>();
			boolean covered = true;
			for (Argument argument : field.arguments()) {
				if (argument.required()) {
					String value = requiredValues.render(field.name(), argument);
					if (value == null) {
						covered = false;
					}
					else {
						required.put(argument.name(), value);
					}
				}
			}
			if (covered) {
				queries.add(new RootQuery(field, required, selection(field.type().named(), 1)));
			}
			else {
				uncovered.add(field.name());
			}
		}
		return queries;
	}

	interface RequiredValues {

		String render(String fieldName, Argument argument);

	}

	private String selection(TypeRef type, int depth) {
		if (!"OBJECT".equals(kinds.get(type.name()))) {
			return "";
		}
		return objectFields.get(type.name()).stream().filter(field -> !field.needsArguments()).map(field -> {
			TypeRef named = field.type().named();
			String kind = kinds.get(named.name());
			if (kind.equals("SCALAR") || kind.equals("ENUM")) {
				return field.name();
			}
			if (depth >= MAX_SELECTION_DEPTH) {
				return "";
			}
			String nested = selection(named, depth + 1);
			return nested.isEmpty() ? "" : field.name() + " { " + nested + " }";
		}).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
	}

	private static List<Argument> arguments(JsonNode args) {
		List<Argument> arguments = new ArrayList<>();
		for (JsonNode arg : args) {
			arguments.add(new Argument(arg.path("name").asString(), TypeRef.of(arg.path("type")),
					!arg.path("defaultValue").isNull() && !arg.path("defaultValue").isMissingNode()));
		}
		return arguments;
	}

}
