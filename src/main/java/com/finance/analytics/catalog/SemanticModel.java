package com.finance.analytics.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One dbt semantic model resolved against the catalog: the exposed dataset it reads, its
 * entities, dimensions and measures. Every column here was found in that dataset, so the
 * SQL built from it names only catalog identifiers; a measure's {@code expr} is SQL of
 * the dbt project, trusted like the models' own SQL and never taken from a client.
 *
 * @param timeColumn the default agg_time_dimension's column; null for a model without
 * measures (one whose dimensions others reach through an entity)
 */
public record SemanticModel(String name, String description, Dataset dataset, String timeColumn, List<Entity> entities,
		List<Dimension> dimensions, List<Measure> measures) {

	/** The entity that scopes every statement to the caller. */
	public static final String USER_ENTITY = "user";

	public SemanticModel {
		entities = List.copyOf(entities);
		dimensions = List.copyOf(dimensions);
		measures = List.copyOf(measures);
	}

	public Optional<Entity> entity(String entityName) {
		return entities.stream().filter(entity -> entity.name().equals(entityName)).findFirst();
	}

	/** The categorical dimension {@code dimensionName} (time dimensions are periods). */
	public Optional<Dimension> dimension(String dimensionName) {
		return dimensions.stream().filter(dimension -> dimension.name().equals(dimensionName)).findFirst();
	}

	/** Whether joining to this model by {@code entityName} finds at most one row. */
	public boolean identifiedBy(String entityName) {
		return entity(entityName).filter(Entity::identifying).isPresent();
	}

	/** A dbt entity: a key column, primary or unique (identifying) or foreign. */
	public record Entity(String name, boolean identifying, Column column) {
	}

	/** A categorical dimension and the column holding it. */
	public record Dimension(String name, String description, Column column) {
	}

	/**
	 * A measure: an aggregation over a SQL expression of the model's columns.
	 *
	 * @param nonAdditive set for a semi-additive measure such as a balance
	 */
	public record Measure(String name, String description, Aggregation aggregation, String expr,
			Optional<NonAdditive> nonAdditive) {
	}

	/**
	 * MetricFlow's non_additive_dimension: only the rows at the last (or first) day of
	 * each period, per window grouping, are aggregated.
	 *
	 * @param groupingColumns the columns of the window_groupings entities
	 */
	public record NonAdditive(String column, boolean last, List<String> groupingColumns) {

		public NonAdditive {
			groupingColumns = List.copyOf(groupingColumns);
		}
	}

	/** The aggregations the gateway compiles, with their SQL function. */
	public enum Aggregation {

		SUM("sum"), COUNT("count"), COUNT_DISTINCT("count_distinct"), MIN("min"), MAX("max"), AVERAGE("average");

		private final String dbtName;

		Aggregation(String dbtName) {
			this.dbtName = dbtName;
		}

		public static Optional<Aggregation> ofDbt(String agg) {
			for (Aggregation aggregation : values()) {
				if (aggregation.dbtName.equals(agg)) {
					return Optional.of(aggregation);
				}
			}
			return Optional.empty();
		}

		/** The aggregate of {@code sql}. */
		public String apply(String sql) {
			return switch (this) {
				case SUM -> "sum(" + sql + ")";
				case COUNT -> "count(" + sql + ")";
				case COUNT_DISTINCT -> "count(distinct " + sql + ")";
				case MIN -> "min(" + sql + ")";
				case MAX -> "max(" + sql + ")";
				case AVERAGE -> "avg(" + sql + ")";
			};
		}

	}

}
