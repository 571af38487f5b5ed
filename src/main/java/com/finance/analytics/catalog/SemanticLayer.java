package com.finance.analytics.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The semantic models and metrics of one snapshot's manifest that the gateway serves, and
 * the metrics it leaves out with the reason (shown in discovery, never a failed swap).
 */
public record SemanticLayer(List<SemanticModel> models, List<Metric> metrics, Map<String, String> notServed) {

	public static final SemanticLayer EMPTY = new SemanticLayer(List.of(), List.of(), Map.of());

	public SemanticLayer {
		models = List.copyOf(models);
		metrics = List.copyOf(metrics);
		notServed = Map.copyOf(notServed);
	}

	public Optional<Metric> metric(String name) {
		return metrics.stream().filter(metric -> metric.name().equals(name)).findFirst();
	}

	/** The semantic model holding {@code measureName}. */
	public SemanticModel modelOfMeasure(String measureName) {
		return models.stream()
			.filter(model -> model.measures().stream().anyMatch(measure -> measure.name().equals(measureName)))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No semantic model has measure " + measureName));
	}

	public SemanticModel.Measure measure(String measureName) {
		return modelOfMeasure(measureName).measures()
			.stream()
			.filter(measure -> measure.name().equals(measureName))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Every name metrics may be grouped by: the categorical dimensions and the entities
	 * (but the user, which is always the caller), sorted.
	 */
	public SortedSet<String> dimensionNames() {
		SortedSet<String> names = new TreeSet<>(entityNames());
		models.forEach(model -> model.dimensions().forEach(dimension -> names.add(dimension.name())));
		return names;
	}

	/** The entities metrics may be grouped by (their values are ids), sorted. */
	public SortedSet<String> entityNames() {
		SortedSet<String> names = new TreeSet<>();
		models.forEach(model -> model.entities()
			.stream()
			.map(SemanticModel.Entity::name)
			.filter(name -> !name.equals(SemanticModel.USER_ENTITY))
			.forEach(names::add));
		return names;
	}

	/** The model an identifying entity named {@code entityName} leads to, for joins. */
	public Optional<SemanticModel> identifiedBy(String entityName) {
		return models.stream().filter(model -> model.identifiedBy(entityName)).findFirst();
	}

}
