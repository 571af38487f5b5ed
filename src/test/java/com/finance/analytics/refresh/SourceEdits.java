package com.finance.analytics.refresh;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * New source rows that keep every dbt test green: a purchase and its refund on the same
 * day, booked, untagged, in the account's currency. The pair nets to zero, so reported
 * balances still reconcile, yet it adds two transactions and a new day of spending, which
 * makes each build's marts detectably different.
 */
final class SourceEdits {

	/**
	 * The account the rows go to, its owner and currency, and a day on which the owner
	 * has no transactions.
	 */
	record Target(UUID userId, UUID accountId, String currency, LocalDate quietDay) {
	}

	private SourceEdits() {
	}

	/**
	 * The first open checking account (by id) of the source and the {@code skip}-th day
	 * its owner had no bookings.
	 */
	static Target target(Connection source, int skip) throws SQLException {
		String sql = """
				with account as (
				    select c.user_id, a.id as account_id, a.currency, a.opened_on
				    from app.accounts a join app.bank_connections c on c.id = a.connection_id
				    where a.account_type = 'checking' and a.closed_on is null
				    order by a.id limit 1
				), busy as (
				    select distinct t.booking_date
				    from app.transactions t
				    join app.accounts a on a.id = t.account_id
				    join app.bank_connections c on c.id = a.connection_id
				    where c.user_id = (select user_id from account)
				)
				select a.user_id, a.account_id, a.currency, d.day::date
				from account a,
				     (select unnest(generate_series(date '2026-01-01', date '2026-10-30', interval 1 day)) as day) d
				where d.day >= a.opened_on and d.day::date not in (select booking_date from busy)
				order by d.day
				limit 1 offset ?
				""";
		try (PreparedStatement statement = source.prepareStatement(sql)) {
			statement.setInt(1, skip);
			try (ResultSet row = statement.executeQuery()) {
				if (!row.next()) {
					throw new IllegalStateException("the test source has no quiet day left for the edit");
				}
				return new Target(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
						row.getObject(4, LocalDate.class));
			}
		}
	}

	/**
	 * The SQL inserting the purchase/refund pair; plain literals so psql and DuckDB both
	 * run it.
	 */
	static String insertPurchaseAndRefund(Target target, List<UUID> ids, String currency) {
		List<String> rows = new ArrayList<>();
		String[] amounts = { "-12.34", "12.34" };
		for (int i = 0; i < 2; i++) {
			rows.add("('%s', '%s', DATE '%s', DATE '%s', %s, '%s', 'refresh test', NULL, 'booked', NULL)"
				.formatted(ids.get(i), target.accountId(), target.quietDay(), target.quietDay(), amounts[i], currency));
		}
		return "INSERT INTO app.transactions (id, account_id, booking_date, value_date, amount, currency, description, "
				+ "counterparty, status, transfer_id) VALUES " + String.join(", ", rows);
	}

}
