package com.finance.analytics.metric;

import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.Metric;
import com.finance.analytics.catalog.Relation;
import com.finance.analytics.catalog.SemanticModel;
import com.finance.analytics.catalog.SemanticModel.Entity;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.query.MetricQuery.MetricOrder;
import com.finance.analytics.query.MetricRow;
import com.finance.analytics.query.SortDirection;
import com.finance.analytics.schema.GraphQlNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics and dimensions one snapshot serves, with the field names both APIs give
 * them: a categorical dimension is one field ({@code accountType}); an entity is its id
 * ({@code accountId}) and, when a relation leads to its row, that row ({@code account}).
 * A metric whose field would collide with another field is left out (and logged).
 */
record MetricSurface(List<Metric> metrics, List<DimensionField> dimensions, Map<String, String> metricFields) {

	static final String PERIOD = "period";

	private static final Logger LOG = LoggerFactory.getLogger(MetricSurface.class);

	/**
	 * One groupable dimension.
	 *
	 * @param relation for an entity, the relation whose loader reads the row it
	 * identifies
	 */
	record DimensionField(String name, String description, Column column, String field, Optional<Relation> relation,
			String objectField) {
	}

	static MetricSurface of(Catalog catalog) {
		Map<String, DimensionField> dimensions = new LinkedHashMap<>();
		for (SemanticModel model : catalog.semantics().models()) {
			for (SemanticModel.Dimension dimension : model.dimensions()) {
				dimensions.putIfAbsent(dimension.name(), new DimensionField(dimension.name(), dimension.description(),
						dimension.column(), GraphQlNames.field(dimension.name()), Optional.empty(), null));
			}
			for (Entity entity : model.entities()) {
				if (!entity.name().equals(SemanticModel.USER_ENTITY)) {
					dimensions.putIfAbsent(entity.name(), entityField(catalog, entity));
				}
			}
		}
		List<DimensionField> sorted = dimensions.values()
			.stream()
			.sorted((a, b) -> a.name().compareTo(b.name()))
			.toList();
		Set<String> taken = new HashSet<>();
		taken.add(PERIOD);
		for (DimensionField dimension : sorted) {
			taken.add(dimension.field());
			if (dimension.objectField() != null) {
				taken.add(dimension.objectField());
			}
		}
		List<Metric> metrics = new ArrayList<>();
		Map<String, String> fields = new LinkedHashMap<>();
		for (Metric metric : catalog.semantics().metrics()) {
			String field = GraphQlNames.field(metric.name());
			if (taken.add(field)) {
				metrics.add(metric);
				fields.put(metric.name(), field);
			}
			else {
				LOG.warn("Metric {} is not served: its field {} collides with another", metric.name(), field);
			}
		}
		return new MetricSurface(metrics, sorted, fields);
	}

	private static DimensionField entityField(Catalog catalog, Entity entity) {
		Optional<Relation> relation = catalog.semantics()
			.identifiedBy(entity.name())
			.flatMap(target -> catalog.relations()
				.stream()
				.filter(candidate -> !candidate.many() && candidate.toDataset().equals(target.dataset().id())
						&& candidate.toColumn().equals(target.entity(entity.name()).orElseThrow().column().name()))
				.findFirst());
		return new DimensionField(entity.name(),
				"The " + entity.name() + " (its id; the " + entity.name() + " field holds its row).", entity.column(),
				GraphQlNames.field(entity.name() + "_id"), relation,
				relation.isPresent() ? GraphQlNames.field(entity.name()) : null);
	}

	String metricField(Metric metric) {
		return metricFields.get(metric.name());
	}

	/**
	 * A row as the row type reads it: values keyed by field name, and an entity's id also
	 * under the column its relation's loader reads.
	 */
	Map<String, Object> flatten(MetricRow row) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put(PERIOD, row.period());
		for (DimensionField dimension : dimensions) {
			if (row.dimensions().containsKey(dimension.name())) {
				Object value = row.dimensions().get(dimension.name());
				values.put(dimension.field(), value);
				dimension.relation().ifPresent(relation -> values.put(relation.fromColumn(), value));
			}
		}
		row.metrics().forEach((name, value) -> values.put(metricFields.get(name), value));
		return values;
	}

	/** One sort term from either API: exactly one of period, dimension or metric. */
	static MetricOrder order(Object period, String dimension, String metric, SortDirection direction) {
		SortDirection sort = direction == null ? SortDirection.ASC : direction;
		int given = (Boolean.TRUE.equals(period) ? 1 : 0) + (dimension != null ? 1 : 0) + (metric != null ? 1 : 0);
		if (given != 1) {
			throw ErrorCode.BAD_REQUEST.exception("A metric sort term names exactly one of period, dimension, metric");
		}
		if (dimension != null) {
			return new MetricOrder(MetricOrder.Target.DIMENSION, dimension, sort);
		}
		if (metric != null) {
			return new MetricOrder(MetricOrder.Target.METRIC, metric, sort);
		}
		return new MetricOrder(MetricOrder.Target.PERIOD, PERIOD, sort);
	}

}
