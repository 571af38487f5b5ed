package com.finance.analytics.schema;

import java.util.Locale;

/** Maps dbt/DuckDB identifiers to GraphQL names: {@code fct_daily_spending_by_tag} → {@code fctDailySpendingByTag}. */
public final class GraphQlNames {

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

    static String enumValue(String identifier) {
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
