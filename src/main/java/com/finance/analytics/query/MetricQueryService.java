package com.finance.analytics.query;

import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.catalog.Metric;
import com.finance.analytics.catalog.SemanticLayer;
import com.finance.analytics.catalog.ScalarKind;
import com.finance.analytics.catalog.SemanticModel;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.security.Caller;
import com.finance.analytics.snapshot.Snapshot;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Answers metric queries for the caller: checks the request against the semantic layer
 * (money grouped by currency, reachable dimensions, ids owned), runs the one statement
 * and refuses rather than cuts an answer with more groups than the limit.
 */
@Service
public class MetricQueryService {

	/** The dimension every money metric must be grouped by. */
	public static final String CURRENCY = "currency";

	/**
	 * Places kept of a money value DuckDB computes as a floating-point number (an
	 * average): the cent.
	 */
	static final int MONEY_SCALE = 2;

	private final QueryExecutor executor;

	private final OwnershipGuard ownership;

	public MetricQueryService(QueryExecutor executor, OwnershipGuard ownership) {
		this.executor = executor;
		this.ownership = ownership;
	}

	public MetricRows query(Snapshot snapshot, Caller caller, MetricQuery query) {
		SemanticLayer layer = snapshot.catalog().semantics();
		List<String> money = query.metrics().stream().filter(Metric::needsCurrency).map(Metric::name).toList();
		if (!money.isEmpty() && !query.groupBy().contains(CURRENCY)) {
			throw ErrorCode.BAD_REQUEST.exception("Money is never summed across currencies: " + String.join(", ", money)
					+ (money.size() == 1 ? " is" : " are") + " money, so groupBy must include CURRENCY");
		}
		MetricSql.Compiled compiled = MetricSql.compile(layer, query, caller.userId());
		checkOwnership(snapshot, caller, layer, query);
		List<MetricRow> rows = executor.execute(snapshot, compiled.statement(),
				result -> read(result, query, compiled.dimensionColumns()));
		if (rows.size() > query.limit()) {
			throw ErrorCode.BAD_REQUEST.exception("The query has more than " + query.limit()
					+ " groups (the limit); narrow the window, use a coarser grain or fewer dimensions, or raise "
					+ "limit up to " + DatasetQuery.MAX_LIMIT);
		}
		return new MetricRows(rows, query.windowStart(), query.windowEnd());
	}

	/**
	 * The dimensions {@code metric} can be grouped by: those every semantic model it
	 * reads reaches.
	 */
	public List<String> dimensionsOf(SemanticLayer layer, Metric metric) {
		Map<String, Metric> needed = new LinkedHashMap<>();
		MetricSql.collect(layer, metric, needed);
		Set<SemanticModel> models = new LinkedHashSet<>();
		needed.values()
			.stream()
			.filter(input -> input.kind() == Metric.Kind.SIMPLE)
			.forEach(input -> models.add(layer.modelOfMeasure(input.measure())));
		return layer.dimensionNames()
			.stream()
			.filter(dimension -> models.stream()
				.allMatch(model -> MetricSql.reach(layer, model, dimension).isPresent()))
			.toList();
	}

	private void checkOwnership(Snapshot snapshot, Caller caller, SemanticLayer layer, MetricQuery query) {
		Set<Dataset> datasets = new LinkedHashSet<>();
		for (Metric metric : query.metrics()) {
			Map<String, Metric> needed = new LinkedHashMap<>();
			MetricSql.collect(layer, metric, needed);
			needed.values()
				.stream()
				.filter(input -> input.kind() == Metric.Kind.SIMPLE)
				.map(input -> layer.modelOfMeasure(input.measure()))
				.map(SemanticModel::dataset)
				.forEach(datasets::add);
		}
		for (Dataset dataset : datasets) {
			dataset.filters()
				.accountIdColumn()
				.ifPresent(column -> ownership.checkOwned(snapshot, caller.userId(), dataset, column,
						query.accountIds(), "accountIds"));
			dataset.filters()
				.tagIdColumn()
				.ifPresent(column -> ownership.checkOwned(snapshot, caller.userId(), dataset, column, query.tagIds(),
						"tagIds"));
		}
	}

	private static List<MetricRow> read(ResultSet result, MetricQuery query, List<Column> dimensionColumns)
			throws SQLException {
		List<MetricRow> rows = new ArrayList<>();
		while (result.next()) {
			int index = 1;
			LocalDate period = null;
			if (query.grain().isPresent()) {
				period = (LocalDate) RowReader.convert(result.getObject(index++), ScalarKind.DATE);
			}
			Map<String, Object> dimensions = new LinkedHashMap<>();
			for (int i = 0; i < dimensionColumns.size(); i++) {
				dimensions.put(query.groupBy().get(i),
						RowReader.convert(result.getObject(index++), dimensionColumns.get(i).type().kind()));
			}
			Map<String, Object> metrics = new LinkedHashMap<>();
			for (Metric metric : query.metrics()) {
				metrics.put(metric.name(), value(metric, result.getObject(index++)));
			}
			rows.add(new MetricRow(period, dimensions, metrics));
		}
		return rows;
	}

	private static Object value(Metric metric, Object value) {
		if (!(value instanceof Number number)) {
			return null;
		}
		return switch (metric.valueType()) {
			case MONEY -> switch (number) {
				case BigDecimal decimal -> decimal;
				case BigInteger integer -> new BigDecimal(integer);
				case Double floating -> BigDecimal.valueOf(floating).setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
				default -> new BigDecimal(number.toString());
			};
			case COUNT -> number.longValue();
			case RATIO -> number.doubleValue();
		};
	}

}
