package com.finance.analytics.query;

import com.finance.analytics.TestFixtures;
import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.catalog.CatalogLoader;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.snapshot.SnapshotDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Measures (not a test): "spending by tag for one user over 3 months" on the daily mart,
 * from many client threads, with connections duplicated from one shared read-only
 * instance vs the seed design of opening the file per request, and with the in-flight
 * bound of {@link QueryExecutor} at several sizes.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) com.finance.analytics.query.ConnectionStrategyBenchmark \
 *     [snapshot-dir] [client-threads=16] [seconds=10] [duckdb-threads=2]</pre>
 */
public final class ConnectionStrategyBenchmark {

	private ConnectionStrategyBenchmark() {
	}

	interface Strategy {

		Connection connect() throws SQLException;

	}

	public static void main(String[] args) throws Exception {
		Path snapshot = args.length > 0 ? Path.of(args[0]) : TestFixtures.currentTestSnapshot();
		int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
		Duration duration = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 10);
		int duckdbThreads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
		Path file = snapshot.resolve("analytics.duckdb");

		try (SnapshotDatabase database = SnapshotDatabase.open(file, duckdbThreads)) {
			Catalog catalog;
			try (Connection connection = database.connect()) {
				catalog = CatalogLoader.load(snapshot.resolve("manifest.json"), connection).catalog();
			}
			Dataset spending = catalog.requireDataset("fct_daily_spending_by_tag");
			List<UUID> users = users(database, spending);
			LocalDate end = latestDate(database, spending);
			System.out.printf("snapshot %s, %d users, %d client threads, %s per run, duckdb threads %d, %d cores%n",
					snapshot.getFileName(), users.size(), clients, duration, duckdbThreads,
					Runtime.getRuntime().availableProcessors());

			run("open file per request (seed design), unbounded", clients, duration, users, spending, end,
					() -> TestFixtures.openReadOnly(file), Integer.MAX_VALUE);
			run("duplicate shared instance, unbounded", clients, duration, users, spending, end, database::connect,
					Integer.MAX_VALUE);
			for (int bound : new int[] { 1, 2, 4 }) {
				run("duplicate shared instance, in-flight bound " + bound, clients, duration, users, spending, end,
						database::connect, bound);
			}
		}
	}

	private static void run(String name, int clients, Duration duration, List<UUID> users, Dataset spending,
			LocalDate end, Strategy strategy, int bound) throws Exception {
		Semaphore slots = new Semaphore(bound, true);
		long deadline = System.nanoTime() + duration.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<List<Long>>> results = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			results.add(pool.submit(() -> {
				List<Long> latencies = new ArrayList<>();
				while (System.nanoTime() < deadline) {
					UUID user = users.get(ThreadLocalRandom.current().nextInt(users.size()));
					long start = System.nanoTime();
					slots.acquire();
					try {
						spendingByTag(strategy, spending, user, end);
					}
					finally {
						slots.release();
					}
					latencies.add(System.nanoTime() - start);
				}
				return latencies;
			}));
		}
		List<Long> all = new ArrayList<>();
		for (Future<List<Long>> result : results) {
			all.addAll(result.get());
		}
		pool.shutdown();
		long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("%-52s %7.0f q/s  p50 %6.2f ms  p99 %7.2f ms%n", name,
				sorted.length / (double) duration.toSeconds(), percentile(sorted, 0.50), percentile(sorted, 0.99));
	}

	/**
	 * Closing the connection of a file opened for the request closes that database again,
	 * as the seed did.
	 */
	private static void spendingByTag(Strategy strategy, Dataset spending, UUID user, LocalDate end)
			throws SQLException {
		DatasetFilter filter = DatasetFilter.of(end.minusMonths(3), end, List.of(), List.of());
		SqlStatement statement = DatasetSql.aggregate(spending, user, filter,
				List.of(spending.filters().tagIdColumn().orElseThrow(), "currency"),
				List.of("spending_amount", "refund_amount", "net_spending_amount", "transaction_count"));
		try (Connection connection = strategy.connect();
				PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
			for (int i = 0; i < statement.parameters().size(); i++) {
				prepared.setObject(i + 1, statement.parameters().get(i));
			}
			try (ResultSet rows = prepared.executeQuery()) {
				while (rows.next()) {
					rows.getObject(1);
				}
			}
		}
	}

	private static List<UUID> users(SnapshotDatabase database, Dataset dataset) throws SQLException {
		String sql = "select distinct " + DatasetSql.quote(dataset.filters().userIdColumn()) + " from "
				+ DatasetSql.quote(dataset.schema()) + "." + DatasetSql.quote(dataset.table()) + " limit 1000";
		List<UUID> users = new ArrayList<>();
		try (Connection connection = database.connect();
				ResultSet rows = connection.createStatement().executeQuery(sql)) {
			while (rows.next()) {
				users.add((UUID) rows.getObject(1));
			}
		}
		return users;
	}

	private static LocalDate latestDate(SnapshotDatabase database, Dataset dataset) throws SQLException {
		String sql = "select max(" + DatasetSql.quote(dataset.filters().dateColumn().orElseThrow()) + ") from "
				+ DatasetSql.quote(dataset.schema()) + "." + DatasetSql.quote(dataset.table());
		try (Connection connection = database.connect();
				ResultSet rows = connection.createStatement().executeQuery(sql)) {
			rows.next();
			return rows.getObject(1, LocalDate.class);
		}
	}

	private static double percentile(long[] sorted, double quantile) {
		return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * quantile)] / 1e6;
	}

}
