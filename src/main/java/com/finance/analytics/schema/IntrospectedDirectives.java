package com.finance.analytics.schema;

import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * graphql-java declares {@code @defer} (and an experimental directive) in every schema it
 * builds and cannot be told not to, but nothing here delivers incremental results:
 * introspection would advertise what the gateway does not do, and clients would wait for
 * increments that never come. This removes them from {@code __schema.directives} of a
 * result: once per response whose document asks for {@code __schema} (tools, GraphiQL),
 * never per field.
 */
final class IntrospectedDirectives {

	static final Set<String> UNSUPPORTED = Set.of("defer", "experimental_disableErrorPropagation");

	private IntrospectedDirectives() {
	}

	/**
	 * {@code result} without the unsupported directives. They are found by position,
	 * since a client may select the directives without their names: introspection lists
	 * them in the schema's order.
	 */
	static ExecutionResult withoutUnsupported(ExecutionResult result, String query, GraphQLSchema schema) {
		if (query == null || !query.contains("__schema") || !(result.getData() instanceof Map<?, ?> data)) {
			return result;
		}
		Document document;
		try {
			document = Parser.parse(query);
		}
		catch (InvalidSyntaxException ex) {
			return result;
		}
		List<GraphQLDirective> directives = schema.getDirectives();
		Set<Integer> unsupported = Set.copyOf(IntStream.range(0, directives.size())
			.filter(index -> UNSUPPORTED.contains(directives.get(index).getName()))
			.boxed()
			.toList());
		Map<String, Object> filtered = new LinkedHashMap<>();
		data.forEach((key, value) -> filtered.put((String) key, value));
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			for (Field schemaField : fields(operation.getSelectionSet(), "__schema")) {
				if (filtered.get(resultKey(schemaField)) instanceof Map<?, ?> schemaValue) {
					filtered.put(resultKey(schemaField), withoutAt(schemaValue, schemaField, unsupported));
				}
			}
		}
		return result.transform(builder -> builder.data(filtered));
	}

	private static Map<String, Object> withoutAt(Map<?, ?> schemaValue, Field schemaField, Set<Integer> unsupported) {
		Map<String, Object> copy = new LinkedHashMap<>();
		schemaValue.forEach((key, value) -> copy.put((String) key, value));
		for (Field directivesField : fields(schemaField.getSelectionSet(), "directives")) {
			if (copy.get(resultKey(directivesField)) instanceof List<?> listed) {
				List<Object> kept = new ArrayList<>();
				for (int index = 0; index < listed.size(); index++) {
					if (!unsupported.contains(index)) {
						kept.add(listed.get(index));
					}
				}
				copy.put(resultKey(directivesField), kept);
			}
		}
		return copy;
	}

	private static List<Field> fields(SelectionSet selections, String name) {
		if (selections == null) {
			return List.of();
		}
		return selections.getSelectionsOfType(Field.class)
			.stream()
			.filter(field -> field.getName().equals(name))
			.toList();
	}

	private static String resultKey(Field field) {
		return field.getAlias() != null ? field.getAlias() : field.getName();
	}

}
