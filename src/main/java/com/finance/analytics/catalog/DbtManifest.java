package com.finance.analytics.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of dbt's {@code manifest.json} the catalog is built from: models and their
 * relationships tests.
 */
record DbtManifest(String dbtVersion, List<DbtModel> models, List<RelationshipTest> relationships) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern REF = Pattern.compile("ref\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)");

	static JsonNode readTree(Path manifestFile) throws IOException {
		try (InputStream in = Files.newInputStream(manifestFile)) {
			return JSON.readTree(in);
		}
	}

	static DbtManifest parse(JsonNode root) {
		List<JsonNode> modelNodes = new ArrayList<>();
		List<JsonNode> tests = new ArrayList<>();
		for (JsonNode node : root.path("nodes").values()) {
			switch (node.path("resource_type").asString("")) {
				case "model" -> modelNodes.add(node);
				case "test" -> tests.add(node);
				default -> {
				}
			}
		}
		Map<String, Set<String>> notNull = testedColumns(tests, "not_null");
		Map<String, Set<String>> unique = testedColumns(tests, "unique");
		List<DbtModel> models = modelNodes.stream().map(node -> model(node, notNull, unique)).toList();
		Map<String, String> modelIdsByName = new LinkedHashMap<>();
		models.forEach(model -> modelIdsByName.put(model.name(), model.uniqueId()));
		List<RelationshipTest> relationships = tests.stream()
			.map(test -> relationship(test, modelIdsByName))
			.flatMap(Optional::stream)
			.toList();
		return new DbtManifest(root.path("metadata").path("dbt_version").asString(""), models, relationships);
	}

	private static DbtModel model(JsonNode node, Map<String, Set<String>> notNullTested,
			Map<String, Set<String>> uniqueTested) {
		String uniqueId = node.path("unique_id").asString();
		Map<String, String> columnDescriptions = new LinkedHashMap<>();
		Set<String> notNull = new HashSet<>(notNullTested.getOrDefault(uniqueId, Set.of()));
		Set<String> unique = new LinkedHashSet<>(uniqueTested.getOrDefault(uniqueId, Set.of()));
		node.path("columns").properties().forEach(entry -> {
			columnDescriptions.put(entry.getKey(), entry.getValue().path("description").asString(""));
			for (JsonNode constraint : entry.getValue().path("constraints")) {
				switch (constraint.path("type").asString("")) {
					case "not_null" -> notNull.add(entry.getKey());
					case "unique" -> unique.add(entry.getKey());
					case "primary_key" -> {
						notNull.add(entry.getKey());
						unique.add(entry.getKey());
					}
					default -> {
					}
				}
			}
		});
		for (JsonNode constraint : node.path("constraints")) {
			List<String> columns = new ArrayList<>();
			constraint.path("columns").forEach(column -> columns.add(column.asString()));
			if ("primary_key".equals(constraint.path("type").asString("")) && columns.size() == 1) {
				notNull.add(columns.getFirst());
				unique.add(columns.getFirst());
			}
		}
		String alias = node.path("alias").asString("");
		return new DbtModel(node.path("unique_id").asString(), node.path("name").asString(),
				node.path("schema").asString("main"), alias.isEmpty() ? node.path("name").asString() : alias,
				node.path("description").asString(""), columnDescriptions, meta(node), Set.copyOf(notNull),
				Collections.unmodifiableSet(unique));
	}

	/**
	 * The columns each model's generic tests named {@code testName} cover, by the model's
	 * unique id.
	 */
	private static Map<String, Set<String>> testedColumns(List<JsonNode> tests, String testName) {
		Map<String, Set<String>> columns = new HashMap<>();
		for (JsonNode test : tests) {
			String model = test.path("attached_node").asString("");
			String column = firstText(test.path("column_name"),
					test.path("test_metadata").path("kwargs").path("column_name"));
			if (testName.equals(test.path("test_metadata").path("name").asString("")) && !model.isEmpty()
					&& column != null) {
				columns.computeIfAbsent(model, key -> new LinkedHashSet<>()).add(column);
			}
		}
		return columns;
	}

	/**
	 * dbt ≥ 1.10 keeps {@code meta} under {@code config}; older manifests also mirror it
	 * at the top level.
	 */
	private static DatasetMeta meta(JsonNode node) {
		JsonNode meta = node.path("config").path("meta");
		if (!meta.isObject() || meta.isEmpty()) {
			meta = node.path("meta");
		}
		Map<String, String> filters = new LinkedHashMap<>();
		meta.path("filters").properties().forEach(entry -> {
			if (entry.getValue().isString()) {
				filters.put(entry.getKey(), entry.getValue().asString());
			}
		});
		String group = firstText(meta.path("group"), node.path("group"), node.path("config").path("group"));
		return new DatasetMeta(meta.path("dataset").asBoolean(false),
				firstText(meta.path("friendly_name"), meta.path("label"), node.path("name")), group,
				firstText(meta.path("time_grain"), meta.path("grain")), filters, firstText(meta.path("graphql_type")));
	}

	private static String firstText(JsonNode... candidates) {
		for (JsonNode candidate : candidates) {
			if (candidate.isString() && !candidate.asString().isBlank()) {
				return candidate.asString();
			}
		}
		return null;
	}

	private static Optional<RelationshipTest> relationship(JsonNode test, Map<String, String> modelIdsByName) {
		JsonNode metadata = test.path("test_metadata");
		if (!metadata.path("name").asString("").endsWith("relationships")) {
			return Optional.empty();
		}
		JsonNode kwargs = metadata.path("kwargs");
		String fromModel = test.path("attached_node").asString("");
		String fromColumn = firstText(kwargs.path("column_name"), test.path("column_name"));
		String toColumn = firstText(kwargs.path("field"), kwargs.path("to_field"));
		Matcher ref = REF.matcher(kwargs.path("to").asString(""));
		if (fromModel.isEmpty() || fromColumn == null || toColumn == null || !ref.find()) {
			return Optional.empty();
		}
		String toModel = modelIdsByName.get(ref.group(1));
		return toModel == null ? Optional.empty()
				: Optional.of(new RelationshipTest(fromModel, fromColumn, toModel, toColumn));
	}
}
