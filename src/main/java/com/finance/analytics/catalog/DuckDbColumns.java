package com.finance.analytics.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The column names and types of every table and view in a DuckDB database, as its own
 * catalog reports them.
 */
final class DuckDbColumns {

	private static final String COLUMNS_SQL = """
			select table_schema, table_name, column_name, data_type
			from information_schema.columns
			order by table_schema, table_name, ordinal_position""";

	private DuckDbColumns() {
	}

	/** Keyed by {@code schema.table}. */
	static Map<String, List<ColumnSpec>> read(Connection connection) throws SQLException {
		Map<String, List<ColumnSpec>> columnsByTable = new HashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(COLUMNS_SQL);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				columnsByTable.computeIfAbsent(key(rows.getString(1), rows.getString(2)), table -> new ArrayList<>())
					.add(new ColumnSpec(rows.getString(3), ColumnType.of(rows.getString(4))));
			}
		}
		return columnsByTable;
	}

	static String key(String schema, String table) {
		return schema + "." + table;
	}

	record ColumnSpec(String name, ColumnType type) {
	}

}
