package com.finance.analytics.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import com.finance.analytics.snapshot.SnapshotDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * CPU per execution of variants of the gateway's statements on a snapshot, one thread, on
 * a snapshot opened as the gateway opens it (docs/performance.md, eighth and ninth
 * rounds). Fair to every variant: each round draws 100 users, an unmeasured pass loads
 * their blocks (they fit in the gateway's buffer), then every variant runs the same 300
 * executions, in an order rotated each round. Without the priming and the rotation, the
 * variant run first in a round read the blocks for the others and looked 15-25 % slower.
 * A setting that DuckDB only has per instance ({@code SET GLOBAL ...}, e.g.
 * {@code disabled_optimizers}) is compared by running this once with it and once without,
 * alternately (e.g. {@code "SET GLOBAL disabled_optimizers = ''"} for every optimizer).
 *
 * <pre>
 * mvn -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp "target/classes:$(cat target/classpath.txt)" \
 *     bench/src/com/finance/analytics/bench/StatementVariants.java \
 *     build/bench/full/snapshots/&lt;id&gt;/analytics.duckdb ["SET GLOBAL ..."]
 * </pre>
 */
public final class StatementVariants {

	private static final int ROUNDS = 12;

	private static final int WARM_ROUNDS = 2;

	private static final int EXECUTIONS = 300;

	private static final int USERS_PER_ROUND = 100;

	private static final String COLUMNS = "\"transaction_id\", \"account_id\", \"booking_date\", \"amount\", "
			+ "\"currency\", \"description\", \"counterparty\", \"status\", \"tag_names\"";

	private static final String PAGE = "select " + COLUMNS + ", count(*) over () from \"main\".\"fct_transactions\" "
			+ "where \"user_id\" = ? and \"booking_date\" >= ? and \"booking_date\" <= ? order by %s limit ? offset ?";

	private static final String KEY_ORDER = "\"booking_date\" desc nulls last, \"transaction_id\" asc nulls first";

	/**
	 * The nested-relations query's page: the columns its account and tags resolve from.
	 */
	private static final String NESTED = "select \"transaction_id\", \"booking_date\", \"amount\", \"account_id\"%s "
			+ "from \"main\".\"fct_transactions\" where \"user_id\" = ? and \"booking_date\" >= ? "
			+ "and \"booking_date\" <= ? order by " + KEY_ORDER + " limit ? offset ?";

	private static final String SPENDING = "select \"tag_id\", \"currency\", sum(\"spending_amount\"), "
			+ "sum(\"refund_amount\"), sum(\"net_spending_amount\"), sum(\"transaction_count\") "
			+ "from \"main\".\"fct_daily_spending_by_tag\" "
			+ "where \"user_id\" = ? and \"spending_date\" >= ? and \"spending_date\" <= ? group by \"tag_id\", \"currency\"";

	private StatementVariants() {
	}

	public static void main(String[] args) throws SQLException {
		try (SnapshotDatabase database = SnapshotDatabase.open(Path.of(args[0]), 1);
				Connection connection = database.connect()) {
			if (args.length > 1) {
				try (Statement setting = connection.createStatement()) {
					setting.execute(args[1]);
				}
			}
			run(connection);
		}
	}

	private static void run(Connection connection) throws SQLException {
		Map<String, String> variants = new LinkedHashMap<>();
		variants.put("page, order to the key", PAGE.formatted(KEY_ORDER));
		variants.put("page, uncounted", PAGE.formatted(KEY_ORDER).replace(", count(*) over ()", ""));
		variants.put("page of 25, counted", NESTED.formatted(", \"tag_ids\", count(*) over ()"));
		variants.put("page of 25, uncounted", NESTED.formatted(", \"tag_ids\""));
		variants.put("page of 25, no tag_ids", NESTED.formatted(""));
		variants.put("page, every column", PAGE.formatted("\"booking_date\" desc nulls last, "
				+ "\"transaction_id\" asc nulls first, \"user_id\" asc nulls first, \"account_id\" asc nulls first, "
				+ "\"value_date\" asc nulls first, \"amount\" asc nulls first, \"currency\" asc nulls first, "
				+ "\"description\" asc nulls first, \"counterparty\" asc nulls first, \"status\" asc nulls first, "
				+ "\"is_transfer\" asc nulls first"));
		variants.put("spending, unordered", SPENDING);
		variants.put("spending, ordered",
				SPENDING + " order by \"tag_id\" asc nulls first, \"currency\" asc nulls first");
		List<String> names = List.copyOf(variants.keySet());
		List<PreparedStatement> statements = new ArrayList<>();
		for (String name : names) {
			statements.add(connection.prepareStatement(variants.get(name)));
		}
		List<UUID> users = users(connection);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		double[][] cpuMillis = new double[names.size()][ROUNDS];
		for (int round = 0; round < ROUNDS; round++) {
			Random draw = new Random(1000 + round);
			List<UUID> drawn = new ArrayList<>();
			for (int i = 0; i < USERS_PER_ROUND; i++) {
				drawn.add(users.get(draw.nextInt(users.size())));
			}
			for (int variant = 0; variant < names.size(); variant++) {
				execute(statements.get(variant), names.get(variant), drawn, round);
			}
			for (int turn = 0; turn < names.size(); turn++) {
				int variant = (turn + round) % names.size();
				long start = threads.getCurrentThreadCpuTime();
				execute(statements.get(variant), names.get(variant), drawn, round);
				cpuMillis[variant][round] = (threads.getCurrentThreadCpuTime() - start) / 1e6 / EXECUTIONS;
			}
		}
		for (int variant = 0; variant < names.size(); variant++) {
			double[] measured = Arrays.copyOfRange(cpuMillis[variant], WARM_ROUNDS, ROUNDS);
			Arrays.sort(measured);
			int n = measured.length;
			System.out.printf("%-28s median %.3f ms of CPU per execution (quartiles %.3f-%.3f)%n", names.get(variant),
					(measured[(n - 1) / 2] + measured[n / 2]) / 2, measured[n / 4], measured[3 * n / 4]);
		}
	}

	private static List<UUID> users(Connection connection) throws SQLException {
		List<UUID> users = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select distinct user_id from main.fct_transactions order by 1")) {
			while (rows.next()) {
				users.add(rows.getObject(1, UUID.class));
			}
		}
		return users;
	}

	/** The round's executions: the same users and windows for every variant. */
	private static void execute(PreparedStatement statement, String name, List<UUID> users, int round)
			throws SQLException {
		boolean page = name.startsWith("page");
		Random draw = new Random(round);
		for (int i = 0; i < EXECUTIONS; i++) {
			LocalDate start = LocalDate.of(2024, 11, 1).plusDays(draw.nextInt(690));
			statement.setObject(1, users.get(draw.nextInt(users.size())));
			statement.setObject(2, start);
			statement.setObject(3, start.plusDays(page ? 30 : 90));
			if (page) {
				statement.setInt(4, name.startsWith("page of 25") ? 25 : 100);
				statement.setInt(5, 0);
			}
			try (ResultSet rows = statement.executeQuery()) {
				int columns = rows.getMetaData().getColumnCount();
				while (rows.next()) {
					for (int column = 1; column <= columns; column++) {
						rows.getObject(column);
					}
				}
			}
		}
	}

}
