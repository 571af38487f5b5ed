package com.finance.analytics.bench;

import com.finance.analytics.bench.DataRange.Window;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The dashboard session mix (issue 15), the same as {@code bench/peer/session.lua}: a
 * user drawn from a Zipf distribution (exponent 1 over the first {@link #USERS} users of
 * the pool) opens the dashboard (the five queries of the mix on the data's latest month,
 * quarter, 24 and 12 months), then pages (offset 100), changes to the month before, and
 * filters that month by their most used tag.
 */
final class Session {

	/** Users sessions are drawn from, as many as the peer harness's token file holds. */
	static final int USERS = 1000;

	static final String PAGE = """
			query($s: Date!, $e: Date!, $o: Int!) { fctTransactions(filter: {startDate: $s, endDate: $e}, limit: 100,
			  offset: $o, orderBy: [{column: BOOKING_DATE, direction: DESC}]) { totalCount
			  nodes { transactionId accountId bookingDate amount currency description counterparty status tagNames } } }""";

	static final String TAGGED_PAGE = """
			query($s: Date!, $e: Date!, $t: UUID!) { fctTransactions(filter: {startDate: $s, endDate: $e, tagIds: [$t]},
			  limit: 100, orderBy: [{column: BOOKING_DATE, direction: DESC}]) { totalCount
			  nodes { transactionId accountId bookingDate amount currency description counterparty status tagNames } } }""";

	/** What one step of a session asks for. */
	enum Kind {

		PAGE, TAGGED_PAGE, SPENDING_BY_TAG, MONTHLY_TRENDS, BALANCE_HISTORY, NESTED_RELATIONS

	}

	/** One request of a session. */
	record Step(Kind kind, BenchUser user, Window window, int offset, UUID tag) {

		String document() {
			return switch (kind) {
				case PAGE -> PAGE;
				case TAGGED_PAGE -> TAGGED_PAGE;
				case SPENDING_BY_TAG -> QueryKind.SPENDING_BY_TAG.document();
				case MONTHLY_TRENDS -> QueryKind.MONTHLY_TRENDS.document();
				case BALANCE_HISTORY -> QueryKind.BALANCE_HISTORY.document();
				case NESTED_RELATIONS -> QueryKind.NESTED_RELATIONS.document();
			};
		}

		Map<String, Object> variables() {
			Map<String, Object> variables = new LinkedHashMap<>();
			if (kind == Kind.BALANCE_HISTORY) {
				variables.put("a", user.accountId().toString());
			}
			variables.put("s", window.start().toString());
			variables.put("e", window.end().toString());
			if (kind == Kind.PAGE) {
				variables.put("o", offset);
			}
			if (kind == Kind.TAGGED_PAGE) {
				variables.put("t", tag.toString());
			}
			return variables;
		}

	}

	private final List<BenchUser> users;

	private final Map<UUID, UUID> tags;

	private final double[] cumulative;

	private final DataRange range;

	private Session(List<BenchUser> users, Map<UUID, UUID> tags, DataRange range) {
		this.users = users;
		this.tags = tags;
		this.range = range;
		this.cumulative = new double[users.size()];
		double total = 0;
		for (int rank = 0; rank < users.size(); rank++) {
			total += 1.0 / (rank + 1);
			cumulative[rank] = total;
		}
	}

	/**
	 * The first {@link #USERS} users of the pool, each with the tag their filter step
	 * asks for (as {@code bench/peer/pick_tags.py} picks it): their most used tag, else
	 * their first tag by id; a user without any tag leaves the step out.
	 */
	static Session load(Connection connection, UserPool pool, DataRange range) throws SQLException {
		List<BenchUser> users = pool.all().subList(0, Math.min(USERS, pool.size()));
		Map<UUID, UUID> tags = new HashMap<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				select coalesce(
				    (select tag_id from (select unnest(tag_ids) as tag_id from main.fct_transactions where user_id = $1)
				     group by tag_id order by count(*) desc, tag_id::varchar limit 1),
				    (select tag_id from main.dim_tags where user_id = $1 order by tag_id::varchar limit 1))""")) {
			for (BenchUser user : users) {
				statement.setObject(1, user.userId());
				try (ResultSet row = statement.executeQuery()) {
					row.next();
					UUID tag = row.getObject(1, UUID.class);
					if (tag != null) {
						tags.put(user.userId(), tag);
					}
				}
			}
		}
		return new Session(List.copyOf(users), tags, range);
	}

	/**
	 * The requests of one session of a user drawn at random (seven, and the tag filter
	 * when the user has a tag).
	 */
	List<Step> draw(Random random) {
		BenchUser user = zipf(random);
		UUID tag = tags.get(user.userId());
		Window month = range.lastMonths(1);
		Window before = new Window(month.start().minusMonths(1), month.start().minusDays(1));
		List<Step> steps = new ArrayList<>(List.of(new Step(Kind.PAGE, user, month, 0, null),
				new Step(Kind.SPENDING_BY_TAG, user, range.lastMonths(3), 0, null),
				new Step(Kind.MONTHLY_TRENDS, user, range.lastMonths(24), 0, null),
				new Step(Kind.BALANCE_HISTORY, user, range.lastMonths(12), 0, null),
				new Step(Kind.NESTED_RELATIONS, user, month, 0, null), new Step(Kind.PAGE, user, month, 100, null),
				new Step(Kind.PAGE, user, before, 0, null)));
		if (tag != null) {
			steps.add(new Step(Kind.TAGGED_PAGE, user, before, 0, tag));
		}
		return steps;
	}

	int size() {
		return users.size();
	}

	private BenchUser zipf(Random random) {
		double r = random.nextDouble() * cumulative[cumulative.length - 1];
		int low = 0;
		int high = cumulative.length - 1;
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (cumulative[middle] < r) {
				low = middle + 1;
			}
			else {
				high = middle;
			}
		}
		return users.get(low);
	}

}
