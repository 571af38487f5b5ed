package com.finance.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.ColumnType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Java orders grouped rows exactly as DuckDB's {@code asc nulls first} would: checked
 * against DuckDB itself (in memory) on the values where Java's own order differs (UUIDs
 * with the high bit set, text beyond the Basic Multilingual Plane, nulls).
 */
class GroupOrderTest {

	private static final List<String> UUIDS = List.of("ffffffff-0000-0000-0000-000000000000",
			"00000000-0000-0000-0000-000000000001", "80000000-0000-0000-0000-000000000000",
			"7fffffff-ffff-ffff-ffff-ffffffffffff", "00000000-0000-0000-8000-000000000000",
			"00000000-0000-0000-7fff-ffffffffffff");

	private static final List<String> TEXTS = List.of("b", "a", "ab", "", "\uFF5E", "\uD83D\uDE00", "Z", "é");

	private static final Column TAG = new Column("tag_id", ColumnType.of("UUID"), "", true);

	private static final Column CURRENCY = new Column("currency", ColumnType.of("VARCHAR"), "", true);

	@Test
	void uuidsWithTheHighBitSetSortAsDuckDbSortsThem() throws SQLException {
		List<Map<String, Object>> rows = new ArrayList<>();
		UUIDS.forEach(text -> rows.add(row(UUID.fromString(text), "EUR")));
		rows.add(row(null, "EUR"));

		rows.sort(GroupOrder.of(List.of(TAG)));

		assertThat(rows.stream().map(row -> String.valueOf(row.get("tag_id"))).toList())
			.isEqualTo(duckDbOrder("uuid", UUIDS));
	}

	@Test
	void textSortsByCodePointAsDuckDbSortsIt() throws SQLException {
		List<Map<String, Object>> rows = new ArrayList<>();
		TEXTS.forEach(text -> rows.add(row(null, text)));
		rows.add(row(null, null));

		rows.sort(GroupOrder.of(List.of(CURRENCY)));

		assertThat(rows.stream().map(row -> String.valueOf(row.get("currency"))).toList())
			.isEqualTo(duckDbOrder("varchar", TEXTS));
	}

	@Test
	void laterColumnsBreakTiesOfEarlierOnes() {
		UUID tag = UUID.fromString(UUIDS.getFirst());
		List<Map<String, Object>> rows = new ArrayList<>(
				List.of(row(tag, "USD"), row(null, "USD"), row(tag, "EUR"), row(null, "EUR")));

		rows.sort(GroupOrder.of(List.of(TAG, CURRENCY)));

		assertThat(rows).containsExactly(row(null, "EUR"), row(null, "USD"), row(tag, "EUR"), row(tag, "USD"));
	}

	private static Map<String, Object> row(UUID tag, String currency) {
		Map<String, Object> row = new HashMap<>();
		row.put("tag_id", tag);
		row.put("currency", currency);
		return row;
	}

	/**
	 * The values (and a null) in DuckDB's {@code order by v asc nulls first}, as text.
	 */
	private static List<String> duckDbOrder(String type, List<String> values) throws SQLException {
		String rows = String.join(", ", Collections.nCopies(values.size() + 1, "(?)"));
		try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:");
				PreparedStatement statement = duckDb.prepareStatement(
						"select v::varchar from (values " + rows + ") t(v) order by v::" + type + " asc nulls first")) {
			List<String> parameters = new ArrayList<>(values);
			parameters.add(null);
			for (int i = 0; i < parameters.size(); i++) {
				statement.setString(i + 1, parameters.get(i));
			}
			List<String> ordered = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					ordered.add(String.valueOf(result.getString(1)));
				}
			}
			return ordered;
		}
	}

}
