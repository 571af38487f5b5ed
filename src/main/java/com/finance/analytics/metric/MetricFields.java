package com.finance.analytics.metric;

import static com.finance.analytics.schema.SchemaBuilder.field;
import static com.finance.analytics.schema.SchemaBuilder.input;
import static com.finance.analytics.schema.SchemaBuilder.named;
import static com.finance.analytics.schema.SchemaBuilder.nonNull;
import static com.finance.analytics.schema.SchemaBuilder.nonNullListOf;

import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.catalog.Metric;
import com.finance.analytics.catalog.SemanticLayer;
import com.finance.analytics.query.DatasetFilter;
import com.finance.analytics.query.DatasetQuery;
import com.finance.analytics.query.MetricQuery;
import com.finance.analytics.query.MetricQuery.MetricOrder;
import com.finance.analytics.query.MetricQueryService;
import com.finance.analytics.query.MetricRow;
import com.finance.analytics.query.MetricRows;
import com.finance.analytics.query.SortDirection;
import com.finance.analytics.query.TimeGrain;
import com.finance.analytics.schema.GraphQlNames;
import com.finance.analytics.schema.RelationField;
import com.finance.analytics.schema.RowType;
import com.finance.analytics.schema.ScalarTypes;
import com.finance.analytics.schema.SchemaBuilder;
import com.finance.analytics.schema.SchemaContribution;
import com.finance.analytics.security.Callers;
import com.finance.analytics.snapshot.Snapshot;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.IntValue;
import graphql.language.ListType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code metrics}: the dbt metrics of the snapshot's semantic layer, grouped by explicit
 * dimensions and a time grain (the dbt Semantic Layer's design: a document's arguments
 * alone decide the groups, so a fragment or alias never changes a number). Generates the
 * enums {@code Metric}, {@code MetricDimension} and {@code TimeGrain}, the row type
 * {@code MetricRow} (one field per dimension and metric, null unless grouped or asked)
 * and the query field, and wires them; nothing here is written per metric.
 */
@Component
public class MetricFields implements SchemaContribution {

	static final String FIELD = "metrics";

	private static final String ROW = "MetricRow";

	private static final String RESULT = "MetricResult";

	private static final String METRIC_ENUM = "Metric";

	private static final String DIMENSION_ENUM = "MetricDimension";

	private static final String GRAIN_ENUM = "TimeGrain";

	private static final String ORDER = "MetricOrder";

	private static final String VALUE_TYPE_ENUM = "MetricValueType";

	private final MetricQueryService metrics;

	public MetricFields(MetricQueryService metrics) {
		this.metrics = metrics;
	}

	@Override
	public void contribute(SchemaBuilder schema, Optional<Snapshot> snapshot) {
		snapshot.filter(served -> !served.catalog().semantics().metrics().isEmpty()).ifPresent(served -> {
			Catalog catalog = served.catalog();
			MetricSurface surface = MetricSurface.of(catalog);
			addEnums(schema, surface);
			addRow(schema, catalog, surface);
			addResultAndOrder(schema);
			addCatalog(schema, surface, catalog.semantics());
			schema.addQueryField(FieldDefinition.newFieldDefinition()
				.name(FIELD)
				.description(SchemaBuilder.description(
						"dbt metrics grouped by the dimensions in groupBy and by the period of grain, over the window "
								+ "widened to whole periods (as MetricFlow). Money is never summed across "
								+ "currencies: a money metric needs CURRENCY in groupBy. More groups than limit is "
								+ "BAD_REQUEST, never cut. See docs/metrics.md."))
				.inputValueDefinitions(arguments())
				.type(nonNull(named(RESULT)))
				.build(),
					environment -> result(surface, metrics.query(served, Callers.require(environment),
							query(catalog.semantics(), environment))));
		});
	}

	private static void addEnums(SchemaBuilder schema, MetricSurface surface) {
		Map<String, Object> metricValues = new LinkedHashMap<>();
		List<EnumValueDefinition> values = new ArrayList<>();
		for (Metric metric : surface.metrics()) {
			String value = GraphQlNames.enumValue(metric.name());
			metricValues.put(value, metric.name());
			values.add(enumValue(value, metric.label() + ": " + metric.description()));
		}
		schema.addType(EnumTypeDefinition.newEnumTypeDefinition()
			.name(METRIC_ENUM)
			.description(SchemaBuilder.description("The metrics defined in the dbt project."))
			.enumValueDefinitions(values)
			.build());
		schema.wire(TypeRuntimeWiring.newTypeWiring(METRIC_ENUM).enumValues(metricValues::get));
		Map<String, Object> dimensionValues = new LinkedHashMap<>();
		List<EnumValueDefinition> dimensions = new ArrayList<>();
		for (MetricSurface.DimensionField dimension : surface.dimensions()) {
			String value = GraphQlNames.enumValue(dimension.name());
			dimensionValues.put(value, dimension.name());
			dimensions.add(enumValue(value, dimension.description()));
		}
		schema.addType(EnumTypeDefinition.newEnumTypeDefinition()
			.name(DIMENSION_ENUM)
			.description(SchemaBuilder.description("What metrics can be grouped by; each metric reaches its own "
					+ "model's dimension or, through an entity, the dimension of the model it identifies."))
			.enumValueDefinitions(dimensions)
			.build());
		schema.wire(TypeRuntimeWiring.newTypeWiring(DIMENSION_ENUM).enumValues(dimensionValues::get));
		Map<String, Object> grains = new LinkedHashMap<>();
		List<EnumValueDefinition> grainValues = new ArrayList<>();
		for (TimeGrain grain : TimeGrain.values()) {
			grains.put(grain.name(), grain);
			grainValues.add(enumValue(grain.name(), switch (grain) {
				case DAY -> "One day.";
				case WEEK -> "An ISO week, Monday to Sunday; period is its Monday.";
				case MONTH -> "A calendar month; period is its first day.";
				case QUARTER -> "A calendar quarter; period is its first day.";
				case YEAR -> "A calendar year; period is January 1.";
			}));
		}
		schema.addType(EnumTypeDefinition.newEnumTypeDefinition()
			.name(GRAIN_ENUM)
			.description(SchemaBuilder.description("The period metrics are grouped by."))
			.enumValueDefinitions(grainValues)
			.build());
		schema.wire(TypeRuntimeWiring.newTypeWiring(GRAIN_ENUM).enumValues(grains::get));
	}

	private static void addRow(SchemaBuilder schema, Catalog catalog, MetricSurface surface) {
		RowType row = new RowType(ROW,
				"One group: its period and dimension values, and the metrics asked for. A field not grouped by (or a "
						+ "metric not asked for) is null.")
			.column("period", named("Date"), MetricSurface.PERIOD, "First day of the period (null without a grain).");
		for (MetricSurface.DimensionField dimension : surface.dimensions()) {
			row.column(dimension.field(), ScalarTypes.astType(dimension.column().type()), dimension.field(),
					dimension.description());
			// Never non-null here: the row is null whenever its entity is not grouped by.
			dimension.relation()
				.ifPresent(relation -> row.relation(new RelationField(dimension.objectField(), relation,
						GraphQlNames.rowType(catalog.requireDataset(relation.toDataset())), false)));
		}
		for (Metric metric : surface.metrics()) {
			row.column(surface.metricField(metric), valueType(metric), surface.metricField(metric),
					metric.label() + ": " + metric.description());
		}
		row.addTo(schema);
	}

	private static void addResultAndOrder(SchemaBuilder schema) {
		schema.addType(ObjectTypeDefinition.newObjectTypeDefinition()
			.name(RESULT)
			.description(SchemaBuilder.description("The groups of a metric query and the window actually read."))
			.fieldDefinition(field("startDate", nonNull(named("Date")),
					"First day read: startDate widened to the start of its period."))
			.fieldDefinition(field("endDate", nonNull(named("Date")),
					"Last day read: endDate widened to the end of its period."))
			.fieldDefinition(field("rows", nonNullListOf(ROW),
					"The groups, ordered by orderBy, then by period and the dimensions in groupBy order."))
			.build());
		schema.addType(InputObjectTypeDefinition.newInputObjectDefinition()
			.name(ORDER)
			.description(SchemaBuilder.description("One sort term: exactly one of period, dimension or metric."))
			.inputValueDefinition(input("period", named("Boolean"), "true: sort by the period."))
			.inputValueDefinition(input("dimension", named(DIMENSION_ENUM), "Sort by a dimension in groupBy."))
			.inputValueDefinition(input("metric", named(METRIC_ENUM), "Sort by a metric asked for."))
			.inputValueDefinition(SchemaBuilder.sortDirection())
			.build());
	}

	/**
	 * {@code metricCatalog}: what a generic chart builder offers, from the same semantic
	 * layer.
	 */
	private void addCatalog(SchemaBuilder schema, MetricSurface surface, SemanticLayer layer) {
		schema.addType(EnumTypeDefinition.newEnumTypeDefinition()
			.name(VALUE_TYPE_ENUM)
			.description(SchemaBuilder.description("The type of a metric's values."))
			.enumValueDefinition(enumValue("MONEY", "An exact decimal (BigDecimal); grouped by currency."))
			.enumValueDefinition(enumValue("COUNT", "A whole number (Long)."))
			.enumValueDefinition(enumValue("RATIO", "A share (Float), e.g. 0.2."))
			.build());
		schema.addType(ObjectTypeDefinition.newObjectTypeDefinition()
			.name("MetricInfo")
			.description(SchemaBuilder.description("A metric and how it can be queried."))
			.fieldDefinition(field("metric", nonNull(named(METRIC_ENUM)), "The metric."))
			.fieldDefinition(field("field", nonNull(named("String")), "Its field in MetricRow."))
			.fieldDefinition(field("label", nonNull(named("String")), "A short name for people."))
			.fieldDefinition(field("description", named("String"), "What it measures, from dbt."))
			.fieldDefinition(field("valueType", nonNull(named(VALUE_TYPE_ENUM)), "The type of its values."))
			.fieldDefinition(field("requiresCurrency", nonNull(named("Boolean")),
					"Whether groupBy must include CURRENCY (money, or built from money)."))
			.fieldDefinition(field("groupBy", nonNullListOf(DIMENSION_ENUM), "The dimensions it can be grouped by."))
			.fieldDefinition(field("grains", nonNullListOf(GRAIN_ENUM), "The grains it can be grouped by."))
			.build());
		schema.addType(ObjectTypeDefinition.newObjectTypeDefinition()
			.name("MetricDimensionInfo")
			.description(SchemaBuilder.description("A dimension metrics can be grouped by."))
			.fieldDefinition(field("dimension", nonNull(named(DIMENSION_ENUM)), "The dimension."))
			.fieldDefinition(field("field", nonNull(named("String")), "Its field in MetricRow."))
			.fieldDefinition(field("description", named("String"), "What it is, from dbt."))
			.build());
		schema.addType(ObjectTypeDefinition.newObjectTypeDefinition()
			.name("NotServedMetric")
			.description(SchemaBuilder.description("A metric of the dbt project this gateway does not compile."))
			.fieldDefinition(field("name", nonNull(named("String")), "The dbt metric name."))
			.fieldDefinition(field("reason", nonNull(named("String")), "Why it is left out."))
			.build());
		schema.addType(ObjectTypeDefinition.newObjectTypeDefinition()
			.name("MetricCatalog")
			.description(SchemaBuilder.description("The metrics and dimensions of the current data."))
			.fieldDefinition(field("metrics", nonNullListOf("MetricInfo"), "The metrics served."))
			.fieldDefinition(field("dimensions", nonNullListOf("MetricDimensionInfo"), "The dimensions."))
			.fieldDefinition(field("notServed", nonNullListOf("NotServedMetric"),
					"Metrics of the dbt project left out, with the reason."))
			.build());
		List<Object> grains = List.of((Object[]) TimeGrain.values());
		List<Map<String, Object>> metricInfos = surface.metrics()
			.stream()
			.map(metric -> Map.<String, Object>of("metric", metric.name(), "field", surface.metricField(metric),
					"label", metric.label(), "description", metric.description(), "valueType",
					metric.valueType().name(), "requiresCurrency", metric.needsCurrency(), "groupBy",
					metrics.dimensionsOf(layer, metric), "grains", grains))
			.toList();
		List<Map<String, Object>> dimensionInfos = surface.dimensions()
			.stream()
			.map(dimension -> Map.<String, Object>of("dimension", dimension.name(), "field", dimension.field(),
					"description", dimension.description()))
			.toList();
		List<Map<String, Object>> notServed = layer.notServed()
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(entry -> Map.<String, Object>of("name", entry.getKey(), "reason", entry.getValue()))
			.toList();
		Map<String, Object> answer = Map.of("metrics", metricInfos, "dimensions", dimensionInfos, "notServed",
				notServed);
		schema.addQueryField(FieldDefinition.newFieldDefinition()
			.name("metricCatalog")
			.description(SchemaBuilder.description("The metrics and dimensions the metrics query offers, with "
					+ "descriptions from dbt, for a generic chart builder."))
			.type(nonNull(named("MetricCatalog")))
			.build(), environment -> answer);
	}

	private List<InputValueDefinition> arguments() {
		ListType ids = ListType.newListType(nonNull(named("UUID"))).build();
		return List.of(input("metrics", nonNullListOf(METRIC_ENUM), "The metrics, one field each in MetricRow."),
				input("groupBy", ListType.newListType(nonNull(named(DIMENSION_ENUM))).build(),
						"The dimensions to group by (CURRENCY is required for money)."),
				input("grain", named(GRAIN_ENUM), "The period to group by; none: the whole window is one period."),
				input("startDate", nonNull(named("Date")), "First day (inclusive), widened to its period's start."),
				input("endDate", nonNull(named("Date")), "Last day (inclusive), widened to its period's end."),
				input("accountIds", ids, "Only these accounts (each must be yours, else FORBIDDEN)."),
				input("tagIds", ids, "Only these tags (each must be yours, else FORBIDDEN)."),
				input("orderBy", ListType.newListType(nonNull(named(ORDER))).build(),
						"Sort terms, first one first; then period and the dimensions."),
				InputValueDefinition.newInputValueDefinition()
					.name("limit")
					.type(named("Int"))
					.description(SchemaBuilder.description("Most groups, 1 to " + DatasetQuery.MAX_LIMIT
							+ "; a query with more groups is BAD_REQUEST, never cut."))
					.defaultValue(new IntValue(BigInteger.valueOf(DatasetQuery.DEFAULT_LIMIT)))
					.build());
	}

	@SuppressWarnings("unchecked")
	private static MetricQuery query(SemanticLayer layer, DataFetchingEnvironment environment) {
		List<Metric> asked = ((List<String>) environment.getArgument("metrics")).stream()
			.map(name -> layer.metric(name).orElseThrow())
			.toList();
		List<String> groupBy = environment.getArgument("groupBy");
		List<MetricOrder> orderBy = new ArrayList<>();
		List<Map<String, Object>> terms = environment.getArgument("orderBy");
		if (terms != null) {
			terms.forEach(term -> orderBy.add(MetricSurface.order(term.get("period"), (String) term.get("dimension"),
					(String) term.get("metric"), (SortDirection) term.get("direction"))));
		}
		Integer limit = environment.getArgument("limit");
		return new MetricQuery(asked, groupBy == null ? List.of() : groupBy,
				Optional.ofNullable(environment.getArgument("grain")), environment.<LocalDate>getArgument("startDate"),
				environment.<LocalDate>getArgument("endDate"),
				DatasetFilter.nonEmptyIds(environment.<List<UUID>>getArgument("accountIds"), "accountIds"),
				DatasetFilter.nonEmptyIds(environment.<List<UUID>>getArgument("tagIds"), "tagIds"), orderBy,
				limit == null ? DatasetQuery.DEFAULT_LIMIT : limit);
	}

	private static Map<String, Object> result(MetricSurface surface, MetricRows rows) {
		List<Map<String, Object>> values = new ArrayList<>();
		for (MetricRow row : rows.rows()) {
			values.add(surface.flatten(row));
		}
		return Map.of("startDate", rows.startDate(), "endDate", rows.endDate(), "rows", values);
	}

	private static Type<?> valueType(Metric metric) {
		return named(switch (metric.valueType()) {
			case MONEY -> "BigDecimal";
			case COUNT -> "Long";
			case RATIO -> "Float";
		});
	}

	private static EnumValueDefinition enumValue(String name, String description) {
		return EnumValueDefinition.newEnumValueDefinition()
			.name(name)
			.description(SchemaBuilder.description(description))
			.build();
	}

}
