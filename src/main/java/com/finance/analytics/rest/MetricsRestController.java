package com.finance.analytics.rest;

import static com.finance.analytics.rest.QueryParameters.ACCOUNT_IDS;
import static com.finance.analytics.rest.QueryParameters.END_DATE;
import static com.finance.analytics.rest.QueryParameters.LIMIT;
import static com.finance.analytics.rest.QueryParameters.START_DATE;
import static com.finance.analytics.rest.QueryParameters.TAG_IDS;

import com.finance.analytics.catalog.Metric;
import com.finance.analytics.catalog.SemanticLayer;
import com.finance.analytics.query.DatasetQuery;
import com.finance.analytics.query.MetricQuery;
import com.finance.analytics.query.MetricQuery.MetricOrder;
import com.finance.analytics.query.MetricQueryService;
import com.finance.analytics.query.MetricRow;
import com.finance.analytics.query.MetricRows;
import com.finance.analytics.query.SortDirection;
import com.finance.analytics.query.TimeGrain;
import com.finance.analytics.security.Callers;
import com.finance.analytics.security.RequestLimits;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/analytics/metrics}: the GraphQL {@code metrics} query on REST, through
 * the same service, with the semantic layer's names (e.g.
 * {@code ?metrics=spending,income&group_by=currency,tag&grain=month}).
 */
@RestController
@RequestMapping(path = "/api/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "analytics")
class MetricsRestController {

	static final String METRICS = "metrics";

	static final String GROUP_BY = "group_by";

	static final String GRAIN = "grain";

	static final String ORDER_BY = "order_by";

	private static final Set<String> ACCEPTED = Set.of(METRICS, GROUP_BY, GRAIN, START_DATE, END_DATE, ACCOUNT_IDS,
			TAG_IDS, ORDER_BY, LIMIT);

	private final LeasedSnapshots snapshots;

	private final MetricQueryService metrics;

	private final int maxListSize;

	MetricsRestController(LeasedSnapshots snapshots, MetricQueryService metrics, RequestLimits limits) {
		this.snapshots = snapshots;
		this.metrics = metrics;
		this.maxListSize = limits.maxListSize();
	}

	/** The answer: the window read (widened to whole periods) and the groups. */
	record MetricRowsBody(@JsonProperty("start_date") LocalDate startDate, @JsonProperty("end_date") LocalDate endDate,
			List<Map<String, Object>> rows) {
	}

	/** One metric of the catalog, for a generic chart builder. */
	record MetricBody(String name, String label, String description, @JsonProperty("value_type") String valueType,
			@JsonProperty("requires_currency") boolean requiresCurrency, @JsonProperty("group_by") List<String> groupBy,
			List<String> grains) {
	}

	/** The metrics served, the dimensions, and the metrics left out with the reason. */
	record MetricCatalogBody(List<MetricBody> metrics, List<String> dimensions,
			@JsonProperty("not_served") Map<String, String> notServed) {
	}

	@GetMapping("/metric-catalog")
	@Operation(summary = "The metrics (with the dimensions each can be grouped by and the grains) and dimensions",
			description = "From the dbt semantic layer of the current snapshot; not_served lists metrics the "
					+ "gateway does not compile, with the reason.")
	MetricCatalogBody catalog(HttpServletRequest request) {
		QueryParameters.of(request, Set.of(), maxListSize);
		return snapshots.apply(snapshot -> {
			SemanticLayer layer = snapshot.catalog().semantics();
			List<String> grains = Arrays.stream(TimeGrain.values())
				.map(grain -> grain.name().toLowerCase(Locale.ROOT))
				.toList();
			return new MetricCatalogBody(layer.metrics()
				.stream()
				.map(metric -> new MetricBody(metric.name(), metric.label(), metric.description(),
						metric.valueType().name().toLowerCase(Locale.ROOT), metric.needsCurrency(),
						metrics.dimensionsOf(layer, metric), grains))
				.toList(), List.copyOf(layer.dimensionNames()), layer.notServed());
		});
	}

	@GetMapping("/metrics")
	@Operation(summary = "dbt metrics grouped by dimensions and a time grain",
			description = "The same as GraphQL's metrics query (docs/metrics.md). The window is widened to whole "
					+ "periods of the grain; a money metric needs currency in group_by; more groups than limit is "
					+ "a 400. Each row holds period (with a grain), the group_by dimensions (an entity as "
					+ "<name>_id) and the metrics asked for; nothing else.")
	@Parameter(name = METRICS, in = ParameterIn.QUERY, required = true,
			description = "Metric names (GET /api/analytics/metric-catalog), repeated or comma-separated",
			array = @ArraySchema(schema = @Schema(type = "string"), minItems = 1, maxItems = 100))
	@Parameter(name = GROUP_BY, in = ParameterIn.QUERY, description = "Dimension names, repeated or comma-separated",
			array = @ArraySchema(schema = @Schema(type = "string"), maxItems = 100))
	@Parameter(name = GRAIN, in = ParameterIn.QUERY, description = "The period; none: the window is one period",
			schema = @Schema(type = "string", allowableValues = { "day", "week", "month", "quarter", "year" }))
	@Parameter(name = START_DATE, in = ParameterIn.QUERY, required = true,
			description = "First day (inclusive), widened to its period's start",
			schema = @Schema(type = "string", format = "date"))
	@Parameter(name = END_DATE, in = ParameterIn.QUERY, required = true,
			description = "Last day (inclusive), widened to its period's end",
			schema = @Schema(type = "string", format = "date"))
	@Parameter(name = ACCOUNT_IDS, in = ParameterIn.QUERY, description = "Accounts (repeated or comma-separated)",
			array = @ArraySchema(schema = @Schema(type = "string", format = "uuid"), maxItems = 100))
	@Parameter(name = TAG_IDS, in = ParameterIn.QUERY, description = "Tags (repeated or comma-separated)",
			array = @ArraySchema(schema = @Schema(type = "string", format = "uuid"), maxItems = 100))
	@Parameter(name = ORDER_BY, in = ParameterIn.QUERY,
			description = "Sort terms: period, a group_by dimension or a metric; a leading - sorts descending",
			array = @ArraySchema(schema = @Schema(type = "string"), maxItems = 100))
	@Parameter(name = LIMIT, in = ParameterIn.QUERY, description = "Most groups; more is a 400, never cut",
			schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "10000",
					defaultValue = "1000"))
	MetricRowsBody metrics(HttpServletRequest request) {
		QueryParameters parameters = QueryParameters.of(request, ACCEPTED, maxListSize);
		QueryParameters.DateRange range = parameters.dateRange(true);
		return snapshots.apply(snapshot -> {
			SemanticLayer layer = snapshot.catalog().semantics();
			List<Metric> asked = parameters.names(METRICS).stream().map(name -> metric(layer, name)).toList();
			List<String> groupBy = parameters.names(GROUP_BY);
			groupBy.stream().filter(name -> !layer.dimensionNames().contains(name)).findFirst().ifPresent(name -> {
				throw QueryParameters.badRequest("Unknown dimension '" + QueryParameters.shown(name)
						+ "' in group_by; known: " + String.join(", ", layer.dimensionNames()));
			});
			List<MetricOrder> orderBy = parameters.names(ORDER_BY).stream().map(term -> order(layer, term)).toList();
			MetricQuery query = new MetricQuery(asked, groupBy, grain(parameters.text(GRAIN)), range.start(),
					range.end(), parameters.ids(ACCOUNT_IDS), parameters.ids(TAG_IDS), orderBy,
					parameters.integer(LIMIT, DatasetQuery.DEFAULT_LIMIT));
			MetricRows rows = metrics.query(snapshot, Callers.require(request), query);
			return new MetricRowsBody(rows.startDate(), rows.endDate(),
					rows.rows().stream().map(row -> body(layer, row)).toList());
		});
	}

	private static Metric metric(SemanticLayer layer, String name) {
		if (layer.metrics().isEmpty()) {
			throw QueryParameters.badRequest("The current data defines no metrics");
		}
		return layer.metric(name)
			.orElseThrow(() -> QueryParameters.badRequest("Unknown metric '" + QueryParameters.shown(name)
					+ "'; known: " + String.join(", ", layer.metrics().stream().map(Metric::name).toList())));
	}

	private static Optional<TimeGrain> grain(String text) {
		if (text == null) {
			return Optional.empty();
		}
		return Arrays.stream(TimeGrain.values())
			.filter(grain -> grain.name().toLowerCase(Locale.ROOT).equals(text))
			.findFirst()
			.or(() -> {
				throw QueryParameters.badRequest(GRAIN + " must be one of day, week, month, quarter, year, was '"
						+ QueryParameters.shown(text) + "'");
			});
	}

	private static MetricOrder order(SemanticLayer layer, String term) {
		boolean descending = term.startsWith("-");
		String name = descending ? term.substring(1) : term;
		SortDirection direction = descending ? SortDirection.DESC : SortDirection.ASC;
		if (name.equals("period")) {
			return new MetricOrder(MetricOrder.Target.PERIOD, name, direction);
		}
		if (layer.metric(name).isPresent()) {
			return new MetricOrder(MetricOrder.Target.METRIC, name, direction);
		}
		return new MetricOrder(MetricOrder.Target.DIMENSION, name, direction);
	}

	private static Map<String, Object> body(SemanticLayer layer, MetricRow row) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (row.period() != null) {
			body.put("period", row.period());
		}
		row.dimensions()
			.forEach((name, value) -> body.put(layer.entityNames().contains(name) ? name + "_id" : name, value));
		body.putAll(row.metrics());
		return body;
	}

}
