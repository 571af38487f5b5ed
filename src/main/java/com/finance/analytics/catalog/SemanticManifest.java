package com.finance.analytics.catalog;

import com.finance.analytics.catalog.Metric.Kind;
import com.finance.analytics.catalog.Metric.ValueType;
import com.finance.analytics.catalog.SemanticModel.Aggregation;
import com.finance.analytics.catalog.SemanticModel.Dimension;
import com.finance.analytics.catalog.SemanticModel.Entity;
import com.finance.analytics.catalog.SemanticModel.Measure;
import com.finance.analytics.catalog.SemanticModel.NonAdditive;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code semantic_models} and {@code metrics} dbt writes into manifest.json and
 * resolves them against the catalog. Fails closed per construct: a semantic model whose
 * dataset is not exposed or that has no {@code user} entity on the dataset's user column,
 * a dimension or entity on a missing column, a measure of an aggregation not compiled,
 * and a metric of a kind or with an option not compiled (filters, offsets, cumulative,
 * conversion) are left out and logged; the snapshot is still served.
 */
final class SemanticManifest {

	private static final Logger LOG = LoggerFactory.getLogger(SemanticManifest.class);

	private static final Pattern REF = Pattern.compile("ref\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)");

	/** The options of a metric input this gateway does not compile when set. */
	private static final List<String> INPUT_OPTIONS = List.of("filter", "alias", "offset_window", "offset_to_grain",
			"fill_nulls_with");

	private SemanticManifest() {
	}

	static SemanticLayer resolve(JsonNode root, Catalog catalog) {
		List<SemanticModel> models = new ArrayList<>();
		for (JsonNode node : root.path("semantic_models").values()) {
			model(node, catalog).ifPresent(models::add);
		}
		Map<String, JsonNode> metricNodes = new LinkedHashMap<>();
		root.path("metrics").values().forEach(node -> metricNodes.put(node.path("name").asString(), node));
		Map<String, Metric> served = new LinkedHashMap<>();
		Map<String, String> notServed = new LinkedHashMap<>();
		metricNodes.keySet()
			.stream()
			.sorted()
			.forEach(name -> metric(name, metricNodes, models, served, notServed, new HashSet<>()));
		notServed.forEach((name, reason) -> LOG.warn("Metric {} is not served: {}", name, reason));
		return new SemanticLayer(models, List.copyOf(served.values()), notServed);
	}

	private static Optional<SemanticModel> model(JsonNode node, Catalog catalog) {
		String name = node.path("name").asString();
		Matcher ref = REF.matcher(node.path("model").asString(""));
		Optional<Dataset> exposed = ref.find() ? catalog.dataset(ref.group(1)) : Optional.empty();
		if (exposed.isEmpty()) {
			return skipped(name, "its model is not an exposed dataset");
		}
		Dataset dataset = exposed.get();
		List<Entity> entities = new ArrayList<>();
		for (JsonNode entity : node.path("entities")) {
			String type = entity.path("type").asString("");
			column(dataset, entity).ifPresent(column -> entities.add(new Entity(entity.path("name").asString(),
					type.equals("primary") || type.equals("unique"), column)));
		}
		boolean scoped = entities.stream()
			.anyMatch(entity -> entity.name().equals(SemanticModel.USER_ENTITY)
					&& entity.column().name().equals(dataset.filters().userIdColumn()));
		if (!scoped) {
			return skipped(name, "it has no 'user' entity on the dataset's user id column");
		}
		List<Dimension> dimensions = new ArrayList<>();
		Set<String> timeColumns = new HashSet<>();
		for (JsonNode dimension : node.path("dimensions")) {
			Optional<Column> column = column(dataset, dimension);
			if ("time".equals(dimension.path("type").asString(""))) {
				column.filter(found -> found.type().kind() == ScalarKind.DATE)
					.ifPresent(found -> timeColumns.add(dimension.path("name").asString()));
			}
			else {
				column.ifPresent(found -> dimensions.add(new Dimension(dimension.path("name").asString(),
						dimension.path("description").asString(""), found)));
			}
		}
		String timeDimension = node.path("defaults").path("agg_time_dimension").asString("");
		List<Measure> measures = new ArrayList<>();
		if (timeColumns.contains(timeDimension)) {
			for (JsonNode measure : node.path("measures")) {
				measure(measure, timeDimension, entities).ifPresent(measures::add);
			}
		}
		else if (!node.path("measures").isEmpty()) {
			LOG.warn("The measures of semantic model {} are not served: its agg_time_dimension is not a date column",
					name);
		}
		return Optional.of(new SemanticModel(name, node.path("description").asString(""), dataset,
				measures.isEmpty() ? null : timeDimension, entities, dimensions, measures));
	}

	private static Optional<Measure> measure(JsonNode node, String timeDimension, List<Entity> entities) {
		String name = node.path("name").asString();
		Optional<Aggregation> aggregation = Aggregation.ofDbt(node.path("agg").asString(""));
		String ownTime = node.path("agg_time_dimension").asString("");
		if (aggregation.isEmpty() || !(ownTime.isEmpty() || ownTime.equals(timeDimension))) {
			LOG.warn("Measure {} is not served: its agg or agg_time_dimension is not compiled", name);
			return Optional.empty();
		}
		JsonNode window = node.path("non_additive_dimension");
		Optional<NonAdditive> nonAdditive = Optional.empty();
		if (window.isObject()) {
			List<String> groupings = new ArrayList<>();
			for (JsonNode grouping : window.path("window_groupings")) {
				entities.stream()
					.filter(entity -> entity.name().equals(grouping.asString()))
					.findFirst()
					.ifPresent(entity -> groupings.add(entity.column().name()));
			}
			String dimension = window.path("name").asString("");
			if (!dimension.equals(timeDimension) || groupings.size() != window.path("window_groupings").size()) {
				LOG.warn("Measure {} is not served: its non_additive_dimension is not compiled", name);
				return Optional.empty();
			}
			nonAdditive = Optional.of(new NonAdditive(dimension,
					!"min".equals(window.path("window_choice").asString("max").toLowerCase(Locale.ROOT)), groupings));
		}
		String expr = node.path("expr").asString("");
		return Optional.of(new Measure(name, node.path("description").asString(""), aggregation.get(),
				expr.isBlank() ? name : expr, nonAdditive));
	}

	/** The column an entity or dimension reads: its expr when that names a column. */
	private static Optional<Column> column(Dataset dataset, JsonNode node) {
		String expr = node.path("expr").asString("");
		return dataset.column(expr.isBlank() ? node.path("name").asString() : expr)
			.filter(column -> !column.type().list());
	}

	/**
	 * Resolves metric {@code name} into {@code served} or {@code notServed}, its inputs
	 * first.
	 */
	private static boolean metric(String name, Map<String, JsonNode> nodes, List<SemanticModel> models,
			Map<String, Metric> served, Map<String, String> notServed, Set<String> visiting) {
		if (served.containsKey(name)) {
			return true;
		}
		if (notServed.containsKey(name)) {
			return false;
		}
		JsonNode node = nodes.get(name);
		if (node == null || !visiting.add(name)) {
			return false;
		}
		Optional<String> refusal = refusal(node);
		if (refusal.isPresent()) {
			notServed.put(name, refusal.get());
			return false;
		}
		JsonNode params = node.path("type_params");
		Kind kind = Kind.valueOf(node.path("type").asString().toUpperCase(Locale.ROOT));
		List<String> inputs = new ArrayList<>();
		String measure = null;
		switch (kind) {
			case SIMPLE -> measure = params.path("measure").path("name").asString("");
			case RATIO -> {
				inputs.add(params.path("numerator").path("name").asString(""));
				inputs.add(params.path("denominator").path("name").asString(""));
			}
			case DERIVED -> params.path("metrics").forEach(input -> inputs.add(input.path("name").asString("")));
		}
		for (String input : inputs) {
			if (!metric(input, nodes, models, served, notServed, visiting)) {
				notServed.put(name, "its input metric '" + input + "' is not served");
				return false;
			}
		}
		String wanted = measure;
		Optional<SemanticModel> owner = models.stream()
			.filter(model -> model.measures().stream().anyMatch(found -> found.name().equals(wanted)))
			.findFirst();
		if (kind == Kind.SIMPLE && owner.isEmpty()) {
			notServed.put(name, "its measure '" + measure + "' is not served");
			return false;
		}
		ValueType valueType = valueType(node, kind, owner, measure);
		boolean needsCurrency = valueType == ValueType.MONEY
				|| inputs.stream().anyMatch(input -> served.get(input).needsCurrency());
		String label = node.path("label").asString("");
		served.put(name,
				new Metric(name, label.isBlank() ? name : label, node.path("description").asString(""), kind, valueType,
						measure, inputs, kind == Kind.DERIVED ? params.path("expr").asString("") : null,
						needsCurrency));
		return true;
	}

	private static Optional<String> refusal(JsonNode node) {
		String type = node.path("type").asString("");
		if (!List.of("simple", "ratio", "derived").contains(type)) {
			return Optional.of(type + " metrics are not compiled");
		}
		if (!node.path("filter").isNull() && !node.path("filter").isMissingNode()) {
			return Optional.of("metric filters are not compiled");
		}
		JsonNode params = node.path("type_params");
		List<JsonNode> inputs = new ArrayList<>();
		inputs.add(params.path("measure"));
		inputs.add(params.path("numerator"));
		inputs.add(params.path("denominator"));
		params.path("metrics").forEach(inputs::add);
		for (JsonNode input : inputs) {
			for (String option : INPUT_OPTIONS) {
				JsonNode value = input.path(option);
				if (!value.isMissingNode() && !value.isNull()) {
					return Optional.of("the '" + option + "' of an input is not compiled");
				}
			}
			if (input.path("join_to_timespine").asBoolean(false)) {
				return Optional.of("join_to_timespine is not compiled");
			}
		}
		if ("derived".equals(type) && params.path("expr").asString("").isBlank()) {
			return Optional.of("a derived metric needs an expr");
		}
		return Optional.empty();
	}

	/**
	 * {@code meta.value_type}; without it, a count for counting measures and for simple
	 * metrics of an integer sum, a ratio for ratio and derived metrics, else money (which
	 * fails safe: it must be grouped by currency).
	 */
	private static ValueType valueType(JsonNode node, Kind kind, Optional<SemanticModel> owner, String measure) {
		JsonNode meta = node.path("config").path("meta");
		String declared = meta.path("value_type").asString(node.path("meta").path("value_type").asString(""));
		for (ValueType type : ValueType.values()) {
			if (type.name().equalsIgnoreCase(declared)) {
				return type;
			}
		}
		if (kind != Kind.SIMPLE) {
			return ValueType.RATIO;
		}
		Aggregation aggregation = owner.orElseThrow()
			.measures()
			.stream()
			.filter(found -> found.name().equals(measure))
			.findFirst()
			.orElseThrow()
			.aggregation();
		return aggregation == Aggregation.COUNT || aggregation == Aggregation.COUNT_DISTINCT ? ValueType.COUNT
				: ValueType.MONEY;
	}

	private static <T> Optional<T> skipped(String name, String reason) {
		LOG.warn("Semantic model {} is not served: {}", name, reason);
		return Optional.empty();
	}

}
