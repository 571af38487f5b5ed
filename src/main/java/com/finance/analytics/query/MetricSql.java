package com.finance.analytics.query;

import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.catalog.Metric;
import com.finance.analytics.catalog.SemanticLayer;
import com.finance.analytics.catalog.SemanticModel;
import com.finance.analytics.catalog.SemanticModel.Dimension;
import com.finance.analytics.catalog.SemanticModel.Entity;
import com.finance.analytics.catalog.SemanticModel.Measure;
import com.finance.analytics.catalog.SemanticModel.NonAdditive;
import com.finance.analytics.error.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Builds the one statement of a metric query, in MetricFlow's semantics. Each semantic
 * model (and each non-additive window of it) is aggregated on its own, scoped by the
 * caller's user id, over the window widened to whole periods; dimensions of other models
 * are reached by a left join from a foreign entity to the model it identifies, that model
 * scoped by the user too. The aggregates of several models are combined like a full outer
 * join on the group keys (a union grouped by the keys, so a null key matches a null key);
 * ratio and derived metrics are computed over them in layers. Identifiers come only from
 * the catalog, values are bound, and measure and derived expressions are the dbt
 * project's SQL.
 */
final class MetricSql {

	static final String PERIOD = "__period";

	private MetricSql() {
	}

	/** The statement and, in order, the dimensions (with their columns) it selects. */
	record Compiled(SqlStatement statement, List<Column> dimensionColumns) {
	}

	static Compiled compile(SemanticLayer layer, MetricQuery query, UUID userId) {
		Map<String, Metric> needed = new LinkedHashMap<>();
		query.metrics().forEach(metric -> collect(layer, metric, needed));
		SequencedSet<String> measures = new LinkedHashSet<>();
		needed.values()
			.stream()
			.filter(metric -> metric.kind() == Metric.Kind.SIMPLE)
			.forEach(metric -> measures.add(metric.measure()));
		List<String> measureList = List.copyOf(measures);
		Map<Source, List<String>> sources = new LinkedHashMap<>();
		for (String measure : measureList) {
			SemanticModel model = layer.modelOfMeasure(measure);
			sources.computeIfAbsent(new Source(model, layer.measure(measure).nonAdditive()), key -> new ArrayList<>())
				.add(measure);
		}
		List<Column> dimensionColumns = new ArrayList<>();
		for (String dimension : query.groupBy()) {
			Source first = sources.keySet().iterator().next();
			dimensionColumns.add(resolve(layer, first.model(), dimension, query).column());
		}
		List<Object> parameters = new ArrayList<>();
		List<String> ctes = new ArrayList<>();
		int index = 0;
		for (Map.Entry<Source, List<String>> source : sources.entrySet()) {
			ctes.add(quote("s" + index++) + " as ("
					+ sourceSql(layer, source.getKey(), source.getValue(), measureList, query, userId, parameters)
					+ ")");
		}
		List<String> keys = new ArrayList<>();
		query.grain().ifPresent(grain -> keys.add(quote(PERIOD)));
		for (int i = 0; i < query.groupBy().size(); i++) {
			keys.add(dimensionColumn(i));
		}
		String combined;
		if (sources.size() == 1) {
			combined = "select * from " + quote("s0");
		}
		else {
			String union = IntStream.range(0, sources.size())
				.mapToObj(i -> "select * from " + quote("s" + i))
				.collect(Collectors.joining(" union all by name "));
			List<String> columns = new ArrayList<>(keys);
			for (int m = 0; m < measureList.size(); m++) {
				columns.add("max(" + measureColumn(m) + ") as " + measureColumn(m));
			}
			combined = "select " + String.join(", ", columns) + " from (" + union + ") group by all";
		}
		ctes.add(quote("l0") + " as (" + combined + ")");
		Map<String, Integer> depths = new LinkedHashMap<>();
		needed.values().forEach(metric -> depths.put(metric.name(), depth(layer, metric)));
		int maxDepth = depths.values().stream().mapToInt(Integer::intValue).max().orElse(1);
		for (int depth = 1; depth <= maxDepth; depth++) {
			int level = depth;
			List<String> expressions = needed.values()
				.stream()
				.filter(metric -> depths.get(metric.name()) == level)
				.map(metric -> metricSql(metric, measureList) + " as " + quote(metric.name()))
				.toList();
			ctes.add(quote("l" + depth) + " as (select *, " + String.join(", ", expressions) + " from "
					+ quote("l" + (depth - 1)) + ")");
		}
		List<String> selected = new ArrayList<>(keys);
		query.metrics().forEach(metric -> selected.add(quote(metric.name())));
		String sql = "with " + String.join(", ", ctes) + " select " + String.join(", ", selected) + " from "
				+ quote("l" + maxDepth) + " order by " + orderClause(query) + " limit ?";
		parameters.add(query.limit() + 1);
		return new Compiled(new SqlStatement(sql, parameters), dimensionColumns);
	}

	/**
	 * A dimension of {@code model}, or of the model one of its foreign entities joins.
	 */
	record Resolved(Column column, Optional<Join> join) {
	}

	/** A left join to {@code model} on its identifying entity. */
	record Join(SemanticModel model, Column localColumn, Column targetColumn) {
	}

	static Optional<Resolved> reach(SemanticLayer layer, SemanticModel model, String dimension) {
		Optional<Resolved> own = model.entity(dimension)
			.filter(entity -> !entity.name().equals(SemanticModel.USER_ENTITY))
			.map(entity -> new Resolved(entity.column(), Optional.empty()))
			.or(() -> model.dimension(dimension).map(found -> new Resolved(found.column(), Optional.empty())));
		if (own.isPresent()) {
			return own;
		}
		for (Entity entity : model.entities()) {
			if (entity.identifying() || entity.name().equals(SemanticModel.USER_ENTITY)) {
				continue;
			}
			Optional<SemanticModel> target = layer.identifiedBy(entity.name()).filter(found -> found != model);
			Optional<Dimension> found = target.flatMap(other -> other.dimension(dimension));
			if (found.isPresent()) {
				return Optional.of(new Resolved(found.get().column(), Optional.of(new Join(target.get(),
						entity.column(), target.get().entity(entity.name()).orElseThrow().column()))));
			}
		}
		return Optional.empty();
	}

	private static Resolved resolve(SemanticLayer layer, SemanticModel model, String dimension, MetricQuery query) {
		return reach(layer, model, dimension)
			.orElseThrow(() -> ErrorCode.BAD_REQUEST.exception("Metric '" + metricOf(layer, model, query)
					+ "' cannot be grouped by '" + dimension + "': its data has no such " + "dimension"));
	}

	private static String metricOf(SemanticLayer layer, SemanticModel model, MetricQuery query) {
		for (Metric metric : query.metrics()) {
			Map<String, Metric> needed = new LinkedHashMap<>();
			collect(layer, metric, needed);
			if (needed.values()
				.stream()
				.anyMatch(input -> input.kind() == Metric.Kind.SIMPLE
						&& layer.modelOfMeasure(input.measure()) == model)) {
				return metric.name();
			}
		}
		return model.name();
	}

	private record Source(SemanticModel model, Optional<NonAdditive> nonAdditive) {
	}

	private static String sourceSql(SemanticLayer layer, Source source, List<String> measures, List<String> allMeasures,
			MetricQuery query, UUID userId, List<Object> parameters) {
		SemanticModel model = source.model();
		Dataset dataset = model.dataset();
		List<String> select = new ArrayList<>();
		Optional<String> period = query.grain()
			.map(grain -> "cast(date_trunc('" + grain.sqlPart() + "', " + quote(model.timeColumn()) + ") as date)");
		period.ifPresent(sql -> select.add("f." + quote(PERIOD)));
		Map<SemanticModel, String> joins = new LinkedHashMap<>();
		List<String> joinSql = new ArrayList<>();
		List<Object> joinParameters = new ArrayList<>();
		for (int i = 0; i < query.groupBy().size(); i++) {
			Resolved resolved = resolve(layer, model, query.groupBy().get(i), query);
			String alias = "f";
			if (resolved.join().isPresent()) {
				Join join = resolved.join().get();
				alias = joins.get(join.model());
				if (alias == null) {
					alias = "j" + joins.size();
					joins.put(join.model(), alias);
					Dataset target = join.model().dataset();
					joinSql.add(" left join " + table(target) + " as " + alias + " on " + alias + "."
							+ quote(join.targetColumn().name()) + " = f." + quote(join.localColumn().name()) + " and "
							+ alias + "." + quote(target.filters().userIdColumn()) + " = ?");
					joinParameters.add(userId);
				}
			}
			select.add(alias + "." + quote(resolved.column().name()) + " as " + dimensionColumn(i));
		}
		List<String> inner = new ArrayList<>();
		inner.add("*");
		period.ifPresent(sql -> inner.add(sql + " as " + quote(PERIOD)));
		for (String name : measures) {
			Measure measure = layer.measure(name);
			int index = allMeasures.indexOf(name);
			inner.add("(" + measure.expr() + ") as " + measureColumn(index));
			select.add(measure.aggregation().apply("f." + measureColumn(index)) + " as " + measureColumn(index));
		}
		String time = quote(model.timeColumn());
		List<String> where = new ArrayList<>();
		List<Object> whereParameters = new ArrayList<>();
		where.add(quote(dataset.filters().userIdColumn()) + " = ?");
		whereParameters.add(userId);
		where.add(time + " >= ?");
		whereParameters.add(query.windowStart());
		where.add(time + " <= ?");
		whereParameters.add(query.windowEnd());
		idFilter(dataset, dataset.filters().accountIdColumn(), query.accountIds(), "accountIds", model, where,
				whereParameters);
		idFilter(dataset, dataset.filters().tagIdColumn(), query.tagIds(), "tagIds", model, where, whereParameters);
		String qualify = source.nonAdditive().map(window -> {
			List<String> partition = new ArrayList<>();
			period.ifPresent(partition::add);
			window.groupingColumns().forEach(column -> partition.add(quote(column)));
			String over = partition.isEmpty() ? "over ()" : "over (partition by " + String.join(", ", partition) + ")";
			return " qualify " + quote(window.column()) + " = " + (window.last() ? "max" : "min") + "("
					+ quote(window.column()) + ") " + over;
		}).orElse("");
		String from = "(select " + String.join(", ", inner) + " from " + table(dataset) + " where "
				+ String.join(" and ", where) + qualify + ") as f";
		// In the order of the text: the subquery's conditions, then the joins' user ids.
		parameters.addAll(whereParameters);
		parameters.addAll(joinParameters);
		return "select " + String.join(", ", select) + " from " + from + String.join("", joinSql) + " group by all";
	}

	private static void idFilter(Dataset dataset, Optional<String> declared, List<UUID> ids, String argument,
			SemanticModel model, List<String> where, List<Object> parameters) {
		if (ids.isEmpty()) {
			return;
		}
		String name = declared.orElseThrow(() -> ErrorCode.BAD_REQUEST
			.exception("Metrics of '" + model.name() + "' cannot be filtered by " + argument));
		Column column = dataset.requireColumn(name);
		String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
		where.add(column.type().list() ? "list_has_any(" + quote(name) + ", [" + placeholders + "])"
				: quote(name) + " in (" + placeholders + ")");
		parameters.addAll(ids);
	}

	private static String metricSql(Metric metric, List<String> measures) {
		return switch (metric.kind()) {
			case SIMPLE -> measureColumn(measures.indexOf(metric.measure()));
			case RATIO -> "cast(" + quote(metric.inputs().get(0)) + " as double) / cast(nullif("
					+ quote(metric.inputs().get(1)) + ", 0) as double)";
			case DERIVED -> "(" + metric.expr() + ")";
		};
	}

	/** The metric and every metric it is built from, inputs first. */
	static void collect(SemanticLayer layer, Metric metric, Map<String, Metric> into) {
		for (String input : metric.inputs()) {
			collect(layer, layer.metric(input).orElseThrow(), into);
		}
		into.putIfAbsent(metric.name(), metric);
	}

	private static int depth(SemanticLayer layer, Metric metric) {
		return 1 + metric.inputs()
			.stream()
			.mapToInt(input -> depth(layer, layer.metric(input).orElseThrow()))
			.max()
			.orElse(0);
	}

	private static String orderClause(MetricQuery query) {
		SequencedSet<String> seen = new LinkedHashSet<>();
		List<String> terms = new ArrayList<>();
		for (MetricQuery.MetricOrder term : query.orderBy()) {
			String column = switch (term.target()) {
				case PERIOD -> {
					if (query.grain().isEmpty()) {
						throw ErrorCode.BAD_REQUEST.exception("Cannot order by the period without a grain");
					}
					yield quote(PERIOD);
				}
				case DIMENSION -> {
					int index = query.groupBy().indexOf(term.name());
					if (index < 0) {
						throw ErrorCode.BAD_REQUEST
							.exception("Cannot order by '" + term.name() + "': it is not in groupBy");
					}
					yield dimensionColumn(index);
				}
				case METRIC -> {
					if (query.metrics().stream().noneMatch(metric -> metric.name().equals(term.name()))) {
						throw ErrorCode.BAD_REQUEST
							.exception("Cannot order by '" + term.name() + "': it is not in metrics");
					}
					yield quote(term.name());
				}
			};
			if (seen.add(column)) {
				terms.add(column + (term.direction() == SortDirection.DESC ? " desc nulls last" : " asc nulls first"));
			}
		}
		List<String> tieBreakers = new ArrayList<>();
		query.grain().ifPresent(grain -> tieBreakers.add(quote(PERIOD)));
		for (int i = 0; i < query.groupBy().size(); i++) {
			tieBreakers.add(dimensionColumn(i));
		}
		for (String column : tieBreakers) {
			if (seen.add(column)) {
				terms.add(column + " asc nulls first");
			}
		}
		if (terms.isEmpty()) {
			return "1";
		}
		return String.join(", ", terms);
	}

	static String dimensionColumn(int index) {
		return quote("__d" + index);
	}

	private static String measureColumn(int index) {
		return quote("__m" + index);
	}

	private static String table(Dataset dataset) {
		return DatasetSql.quote(dataset.schema()) + "." + DatasetSql.quote(dataset.table());
	}

	private static String quote(String identifier) {
		return DatasetSql.quote(identifier);
	}

}
