package com.finance.analytics.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The parts of dbt's {@code manifest.json} the catalog is built from: models and their relationships tests. */
record DbtManifest(String dbtVersion, List<DbtModel> models, List<RelationshipTest> relationships) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern REF = Pattern.compile("ref\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)");

    static DbtManifest read(Path manifestFile) throws IOException {
        try (InputStream in = Files.newInputStream(manifestFile)) {
            return parse(JSON.readTree(in));
        }
    }

    static DbtManifest parse(JsonNode root) {
        List<DbtModel> models = new ArrayList<>();
        List<JsonNode> tests = new ArrayList<>();
        for (JsonNode node : root.path("nodes").values()) {
            switch (node.path("resource_type").asString("")) {
                case "model" -> models.add(model(node));
                case "test" -> tests.add(node);
                default -> { }
            }
        }
        Map<String, String> modelIdsByName = new LinkedHashMap<>();
        models.forEach(model -> modelIdsByName.put(model.name(), model.uniqueId()));
        List<RelationshipTest> relationships = tests.stream()
                .map(test -> relationship(test, modelIdsByName))
                .flatMap(Optional::stream)
                .toList();
        return new DbtManifest(root.path("metadata").path("dbt_version").asString(""), models, relationships);
    }

    private static DbtModel model(JsonNode node) {
        Map<String, String> columnDescriptions = new LinkedHashMap<>();
        node.path("columns").properties().forEach(entry ->
                columnDescriptions.put(entry.getKey(), entry.getValue().path("description").asString("")));
        String alias = node.path("alias").asString("");
        return new DbtModel(
                node.path("unique_id").asString(),
                node.path("name").asString(),
                node.path("schema").asString("main"),
                alias.isEmpty() ? node.path("name").asString() : alias,
                node.path("description").asString(""),
                columnDescriptions,
                meta(node));
    }

    /** dbt ≥ 1.10 keeps {@code meta} under {@code config}; older manifests also mirror it at the top level. */
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
        return new DatasetMeta(
                meta.path("dataset").asBoolean(false),
                firstText(meta.path("friendly_name"), meta.path("label"), node.path("name")),
                group,
                firstText(meta.path("time_grain"), meta.path("grain")),
                filters);
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
        return toModel == null
                ? Optional.empty()
                : Optional.of(new RelationshipTest(fromModel, fromColumn, toModel, toColumn));
    }
}
