package com.finance.analytics.catalog;

import java.util.List;

/**
 * A dbt metric the gateway serves: simple (one measure), ratio (numerator / denominator
 * metrics) or derived (a SQL expression over input metrics, written in the dbt project).
 *
 * @param inputs the input metrics: numerator then denominator for a ratio, the
 * expression's metrics for a derived one, none for a simple one
 * @param measure the measure of a simple metric, else null
 * @param expr the expression of a derived metric, else null
 * @param needsCurrency whether it is money or built from money, so it is never summed
 * across currencies
 */
public record Metric(String name, String label, String description, Kind kind, ValueType valueType, String measure,
		List<String> inputs, String expr, boolean needsCurrency) {

	public Metric {
		inputs = List.copyOf(inputs);
	}

	public enum Kind {

		SIMPLE, RATIO, DERIVED

	}

	/** {@code meta.value_type}: the type of the value on both APIs. */
	public enum ValueType {

		/** An exact decimal string; the query must group by currency. */
		MONEY,
		/** An integer. */
		COUNT,
		/** A floating-point number. */
		RATIO

	}

}
