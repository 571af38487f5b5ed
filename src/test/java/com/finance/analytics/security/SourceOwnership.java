package com.finance.analytics.security;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.finance.analytics.TestFixtures;

/**
 * Who owns what, read straight from the test source data (not from the marts under test):
 * the yardstick every response is measured against.
 */
final class SourceOwnership {

	private final Map<UUID, Owned> byUser = new HashMap<>();

	/** The ids one user owns, as lower-case UUID strings. */
	record Owned(UUID userId, Set<String> accounts, Set<String> connections, Set<String> tags,
			Set<String> transactions) {

		boolean isEmpty() {
			return accounts.isEmpty();
		}
	}

	static SourceOwnership load(Path sourceDuckDb) throws SQLException {
		SourceOwnership ownership = new SourceOwnership();
		try (Connection connection = TestFixtures.openReadOnly(sourceDuckDb)) {
			ownership.read(connection, "select id, null from app.users", (owned, id) -> {
			});
			ownership.read(connection, "select user_id, id from app.bank_connections",
					(owned, id) -> owned.connections().add(id));
			ownership.read(connection,
					"select c.user_id, a.id from app.accounts a"
							+ " join app.bank_connections c on c.id = a.connection_id",
					(owned, id) -> owned.accounts().add(id));
			ownership.read(connection, "select user_id, id from app.tags", (owned, id) -> owned.tags().add(id));
			ownership.read(connection,
					"select c.user_id, t.id from app.transactions t" + " join app.accounts a on a.id = t.account_id"
							+ " join app.bank_connections c on c.id = a.connection_id",
					(owned, id) -> owned.transactions().add(id));
		}
		return ownership;
	}

	Owned of(UUID userId) {
		return byUser.get(userId);
	}

	Set<UUID> users() {
		return byUser.keySet();
	}

	private void read(Connection connection, String sql, Adder adder) throws SQLException {
		try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				UUID user = UUID.fromString(rows.getString(1));
				Owned owned = byUser.computeIfAbsent(user,
						id -> new Owned(id, new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>()));
				String id = rows.getString(2);
				if (id != null) {
					adder.add(owned, id.toLowerCase());
				}
			}
		}
	}

	private interface Adder {

		void add(Owned owned, String id);

	}

}
