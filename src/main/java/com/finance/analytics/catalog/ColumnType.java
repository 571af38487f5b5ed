package com.finance.analytics.catalog;

import java.util.Locale;

/**
 * A DuckDB column type as the gateway sees it: the element kind and whether it is a list
 * of them.
 */
public record ColumnType(String duckDbType, ScalarKind kind, boolean list) {

	public static ColumnType of(String duckDbType) {
		String normalized = duckDbType.trim().toUpperCase(Locale.ROOT);
		if (normalized.endsWith("[]")) {
			return new ColumnType(duckDbType, kindOf(normalized.substring(0, normalized.length() - 2)), true);
		}
		return new ColumnType(duckDbType, kindOf(normalized), false);
	}

	public boolean supported() {
		return kind != ScalarKind.UNSUPPORTED;
	}

	private static ScalarKind kindOf(String type) {
		if (type.startsWith("DECIMAL") || type.startsWith("NUMERIC")) {
			return ScalarKind.DECIMAL;
		}
		if (type.startsWith("VARCHAR")) {
			return ScalarKind.STRING;
		}
		return switch (type) {
			case "BOOLEAN" -> ScalarKind.BOOLEAN;
			case "TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT" -> ScalarKind.INT;
			case "BIGINT", "UINTEGER" -> ScalarKind.LONG;
			case "HUGEINT", "UBIGINT", "UHUGEINT" -> ScalarKind.BIG_INTEGER;
			case "FLOAT", "DOUBLE" -> ScalarKind.FLOAT;
			case "DATE" -> ScalarKind.DATE;
			case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> ScalarKind.DATE_TIME;
			case "UUID" -> ScalarKind.UUID;
			default -> ScalarKind.UNSUPPORTED;
		};
	}
}
