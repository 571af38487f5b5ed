package com.finance.analytics.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import com.finance.analytics.GatewayHttp;

/**
 * Malicious argument values, generated deterministically from a seed: SQL fragments,
 * quotes, unicode tricks, null bytes, huge strings, lists and numbers, wrong shapes,
 * other users' ids, and mutations combining them.
 */
final class HostileValues {

	private static final List<String> FRAGMENTS = List.of("' OR '1'='1", "' OR 1=1 --", "\" OR \"\"=\"",
			"'; DROP TABLE main.dim_accounts; --", "1; delete from fct_transactions",
			"') UNION SELECT user_id FROM main.dim_accounts --",
			"' || (select string_agg(user_id::varchar, ',') from main.dim_accounts) || '", "*/ or 1=1 /*",
			"$$ or true $$", "%' or user_id is not null --", "\\'", "\\\"", "' AND SLEEP(5) --",
			"ATTACH '/tmp/evil.duckdb' AS evil", "COPY main.dim_accounts TO '/tmp/leak.csv'",
			"read_csv_auto('/etc/passwd')", "INSTALL httpfs; LOAD httpfs", "PRAGMA database_list", "user_id",
			"\"user_id\"", "main.dim_accounts", "*", "?", "??", "$1", ":user", "%s", "{0}", "'", "\"", "`", "''",
			"\"\"", ";", "--", "/*", "\\", "\u0000", "a\u0000b", "\u0000' OR 1=1 --", "ʼ OR 1=1 --", "＇ OR 1=1 --",
			"\uFEFF", "\u202E' OR 1=1", "😀", "e\u0301", "\u2028\u2029", "Ω≈ç√∫", "𝓤𝓢𝓔𝓡", "null", "NULL",
			"undefined", "true", "0", "-1", "", " ", "\t\n\r", "${jndi:ldap://127.0.0.1/x}",
			"<script>alert(1)</script>", "../../../../etc/passwd", "2025-02-30", "2025-13-01", "0000-01-01",
			"9999-12-31", "+99999-01-01", "-0001-01-01", "2025-01-01' OR 1=1 --", "2025-01-01T00:00:00Z", "20250101",
			"2025-1-1", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
			"{6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7}", "6f1c2a3b4d5e4f608a7192b3c4d5e6f7",
			"6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7' OR '1'='1", "6F1C2A3B-4D5E-4F60-8A71-92B3C4D5E6F7", "USER_ID",
			"BOOKING_DATE; DROP TABLE x", "ASC", "DESC", "SIDEWAYS", "__typename");

	private static final List<Object> NUMBERS = List.of(0, -1, 1, -2147483648, 2147483647, 2147483648L, -2147483649L,
			Long.MAX_VALUE, Long.MIN_VALUE, 1.5, -0.0, 1e308, 10001, 1_000_000,
			new java.math.BigInteger("1" + "0".repeat(400)));

	private final Random random;

	private final List<UUID> foreignIds;

	private final List<UUID> ownIds;

	HostileValues(long seed, List<UUID> ownIds, List<UUID> foreignIds) {
		this.random = new Random(seed);
		this.ownIds = ownIds;
		this.foreignIds = foreignIds;
	}

	/** Values to send through a JSON variable. */
	List<Object> variableValues(int count) {
		List<Object> pool = new ArrayList<>();
		pool.addAll(FRAGMENTS);
		pool.addAll(NUMBERS);
		pool.add(null);
		pool.add(true);
		pool.add(List.of());
		pool.add(Collections.nCopies(3, null));
		pool.add(List.of(List.of(ownIds.getFirst().toString())));
		pool.add(Map.of());
		pool.add(Map.of("column", "user_id; drop table x", "direction", "ASC"));
		pool.add(Map.of("column", "USER_ID", "direction", "SIDEWAYS"));
		pool.add(Map.of("accountIds", List.of("' OR 1=1 --")));
		pool.add(Map.of("__proto__", Map.of("admin", true)));
		pool.add("A".repeat(10_000));
		pool.add("9".repeat(400));
		pool.add(ids(101, ownIds));
		pool.add(ids(5_000, ownIds));
		pool.add(List.of(foreignIds.getFirst().toString()));
		pool.add(List.of(ownIds.getFirst().toString(), foreignIds.getFirst().toString()));
		pool.add(foreignIds.getFirst().toString());
		pool.add(List.of(ownIds.getFirst().toString(), "' OR 1=1 --"));
		pool.add(List.of(Map.of("column", "USER_ID", "direction", "DESC")));
		pool.add(IntStream.range(0, 200).mapToObj(i -> Map.of("column", "USER_ID")).toList());
		while (pool.size() < count) {
			pool.add(mutation());
		}
		Collections.shuffle(pool, random);
		return pool.subList(0, count);
	}

	/**
	 * Values written straight into the query text, as GraphQL literals or as raw tokens.
	 */
	List<String> literals(int count) {
		List<String> pool = new ArrayList<>();
		for (String fragment : FRAGMENTS) {
			pool.add(GatewayHttp.JSON.writeValueAsString(fragment));
		}
		pool.addAll(List.of("1 OR 1=1", "-1", "2147483648", "99999999999999999999", "1e400", "-0", "0x10", "null",
				"true", "[]", "[null]", "{}", "USER_ID", "user_id", "\"\"\"' OR 1=1 --\"\"\"",
				"[\"" + foreignIds.getFirst() + "\"]", "\"" + foreignIds.getFirst() + "\"",
				"{column: USER_ID, direction: SIDEWAYS}", "$undefinedVariable", "[" + "1,".repeat(150) + "1]"));
		while (pool.size() < count) {
			pool.add(GatewayHttp.JSON.writeValueAsString(mutation()));
		}
		Collections.shuffle(pool, random);
		return pool.subList(0, count);
	}

	/**
	 * Values for a query-string parameter (the caller encodes them): text, numbers, id
	 * lists and mutations.
	 */
	List<String> queryValues(int count) {
		List<String> pool = new ArrayList<>(FRAGMENTS);
		NUMBERS.forEach(number -> pool.add(String.valueOf(number)));
		pool.add(foreignIds.getFirst().toString());
		pool.add(ownIds.getFirst() + "," + foreignIds.getFirst());
		pool.add(ownIds.getFirst() + ",' OR 1=1 --");
		pool.add(String.join(",", ids(101, ownIds)));
		pool.add("A".repeat(2_000));
		pool.add(",,,");
		pool.add("%00");
		while (pool.size() < count) {
			pool.add(mutation());
		}
		Collections.shuffle(pool, random);
		return pool.subList(0, count);
	}

	private String mutation() {
		String a = FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
		String b = FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
		return switch (random.nextInt(4)) {
			case 0 -> a + b;
			case 1 -> ownIds.get(random.nextInt(ownIds.size())) + a;
			case 2 -> a.repeat(1 + random.nextInt(50));
			default ->
				new StringBuilder(a).insert(random.nextInt(a.length() + 1), (char) random.nextInt(0x3000)).toString();
		};
	}

	private static List<String> ids(int count, List<UUID> own) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(own.get(i % own.size()).toString());
		}
		return ids;
	}

	static Map<String, Object> variables(Object value) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("v", value);
		return variables;
	}

}
