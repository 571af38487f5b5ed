package com.finance.analytics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The oracle: answers computed straight from the source tables
 * ({@code build/test/source.duckdb}, schema {@code app}) with the semantics of
 * docs/data-model.md, never from the marts under test.
 */
public final class SourceData implements AutoCloseable {

	/**
	 * Booked, non-transfer transactions of one user, with their currency and tag (one row
	 * per tag; NULL = untagged).
	 */
	private static final String CASH_FLOWS = """
			select t.id, t.amount, t.currency, t.booking_date, tt.tag_id
			from app.transactions t
			join app.accounts a on a.id = t.account_id
			join app.bank_connections c on c.id = a.connection_id
			left join app.transaction_tags tt on tt.transaction_id = t.id
			where c.user_id = ? and t.status = 'booked' and t.transfer_id is null
			  and t.booking_date between ? and ?""";

	private final Connection connection;

	private SourceData(Connection connection) {
		this.connection = connection;
	}

	public static SourceData open() throws SQLException {
		return new SourceData(TestFixtures.openReadOnly(TestFixtures.sourceDatabase()));
	}

	public record TagCurrency(UUID tagId, String currency) {
	}

	public record Totals(BigDecimal spending, BigDecimal refunds, long count) {
	}

	/** Users ordered by how many transactions they have, most first. */
	public List<UUID> usersByActivity() throws SQLException {
		return uuids("""
				select c.user_id from app.transactions t
				join app.accounts a on a.id = t.account_id
				join app.bank_connections c on c.id = a.connection_id
				group by c.user_id order by count(*) desc, c.user_id""");
	}

	public List<UUID> accountsOf(UUID user) throws SQLException {
		return uuids("""
				select a.id from app.accounts a join app.bank_connections c on c.id = a.connection_id
				where c.user_id = ? order by a.id""", user);
	}

	public List<UUID> tagsOf(UUID user) throws SQLException {
		return uuids("select id from app.tags where user_id = ? order by id", user);
	}

	public Map<TagCurrency, Totals> spendingByTag(UUID user, LocalDate start, LocalDate end) throws SQLException {
		String sql = "select tag_id, currency, coalesce(sum(-amount) filter (where amount < 0), 0),"
				+ " coalesce(sum(amount) filter (where amount > 0), 0), count(*) from (" + CASH_FLOWS + ")"
				+ " group by tag_id, currency";
		Map<TagCurrency, Totals> totals = new HashMap<>();
		try (PreparedStatement statement = prepare(sql, user, start, end); ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				totals.put(new TagCurrency(rows.getObject(1, UUID.class), rows.getString(2)),
						new Totals(rows.getBigDecimal(3), rows.getBigDecimal(4), rows.getLong(5)));
			}
		}
		return totals;
	}

	/**
	 * Income and spending per currency over the range (each transaction once, whatever
	 * its tags).
	 */
	public Map<String, Totals> incomeAndSpending(UUID user, LocalDate start, LocalDate end) throws SQLException {
		String sql = "select currency, coalesce(sum(-amount) filter (where amount < 0), 0),"
				+ " coalesce(sum(amount) filter (where amount > 0), 0), count(*) from ("
				+ "select distinct id, amount, currency from (" + CASH_FLOWS + ")) group by currency";
		Map<String, Totals> totals = new HashMap<>();
		try (PreparedStatement statement = prepare(sql, user, start, end); ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				totals.put(rows.getString(1),
						new Totals(rows.getBigDecimal(2), rows.getBigDecimal(3), rows.getLong(4)));
			}
		}
		return totals;
	}

	/**
	 * All of a user's transactions (any status) booked in the range, optionally only on
	 * some accounts.
	 */
	public long transactionCount(UUID user, LocalDate start, LocalDate end, List<UUID> accounts) throws SQLException {
		String sql = """
				select count(*) from app.transactions t
				join app.accounts a on a.id = t.account_id
				join app.bank_connections c on c.id = a.connection_id
				where c.user_id = ? and t.booking_date between ? and ?""";
		List<Object> parameters = new ArrayList<>(List.of(user, start, end));
		if (!accounts.isEmpty()) {
			sql += " and t.account_id in (" + "?,".repeat(accounts.size() - 1) + "?)";
			parameters.addAll(accounts);
		}
		try (PreparedStatement statement = prepare(sql, parameters.toArray());
				ResultSet rows = statement.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** All booked transactions of a user, transfers included. */
	public long bookedTransactionCount(UUID user) throws SQLException {
		try (PreparedStatement statement = prepare("""
				select count(*) from app.transactions t
				join app.accounts a on a.id = t.account_id
				join app.bank_connections c on c.id = a.connection_id
				where c.user_id = ? and t.status = 'booked'""", user); ResultSet rows = statement.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** A user's transactions (any status) carrying at least one of the tags. */
	public long transactionsWithAnyTag(UUID user, List<UUID> tags) throws SQLException {
		String sql = """
				select count(distinct t.id) from app.transactions t
				join app.accounts a on a.id = t.account_id
				join app.bank_connections c on c.id = a.connection_id
				join app.transaction_tags tt on tt.transaction_id = t.id
				where c.user_id = ? and tt.tag_id in (""" + "?,".repeat(tags.size() - 1) + "?)";
		List<Object> parameters = new ArrayList<>(List.of(user));
		parameters.addAll(tags);
		try (PreparedStatement statement = prepare(sql, parameters.toArray());
				ResultSet rows = statement.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
	}

	public String accountName(UUID account) throws SQLException {
		try (PreparedStatement statement = prepare("select name from app.accounts where id = ?", account);
				ResultSet rows = statement.executeQuery()) {
			rows.next();
			return rows.getString(1);
		}
	}

	private List<UUID> uuids(String sql, Object... parameters) throws SQLException {
		List<UUID> ids = new ArrayList<>();
		try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				ids.add(rows.getObject(1, UUID.class));
			}
		}
		return ids;
	}

	private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		for (int i = 0; i < parameters.length; i++) {
			statement.setObject(i + 1, parameters[i]);
		}
		return statement;
	}

	@Override
	public void close() throws SQLException {
		connection.close();
	}

}
