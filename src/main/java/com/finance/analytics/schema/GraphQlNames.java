package com.finance.analytics.schema;

import com.finance.analytics.catalog.Dataset;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Maps dbt/DuckDB identifiers to GraphQL names: {@code fct_daily_spending_by_tag} →
 * {@code fctDailySpendingByTag}.
 */
public final class GraphQlNames {

	private static final Pattern LAYER_PREFIX = Pattern.compile("^(fct|dim|mart|rpt|agg)_");

	private GraphQlNames() {
	}

	public static String field(String identifier) {
		String type = type(identifier);
		return Character.toLowerCase(type.charAt(0)) + type.substring(1);
	}

	public static String type(String identifier) {
		StringBuilder name = new StringBuilder();
		for (String part : identifier.split("[^A-Za-z0-9]+")) {
			if (!part.isEmpty()) {
				name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
			}
		}
		if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
			name.insert(0, 'X');
		}
		return name.toString();
	}

	/**
	 * The type of one row of a dataset: dbt's {@code meta.graphql_type} when given, else
	 * the model name without its layer prefix, its last word singular:
	 * {@code fct_transactions} → {@code Transaction}, {@code dim_accounts} →
	 * {@code Account}.
	 */
	public static String rowType(Dataset dataset) {
		return dataset.graphQlType().orElseGet(() -> {
			String name = LAYER_PREFIX.matcher(dataset.id()).replaceFirst("");
			return type(singular(name.isEmpty() ? dataset.id() : name));
		});
	}

	private static String singular(String name) {
		if (name.endsWith("ies")) {
			return name.substring(0, name.length() - 3) + "y";
		}
		if (name.endsWith("s") && !name.endsWith("ss")) {
			return name.substring(0, name.length() - 1);
		}
		return name;
	}

	public static String enumValue(String identifier) {
		String value = identifier.replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
		return Character.isDigit(value.charAt(0)) ? "_" + value : value;
	}

	/** {@code account_id} → {@code account}; a list {@code tag_ids} → {@code tags}. */
	static String relationField(String column, boolean many) {
		String base = column.replaceAll("_ids?$", "");
		if (base.equals(column) || base.isEmpty()) {
			base = column + "_ref";
		}
		return field(many ? base + "s" : base);
	}

}
