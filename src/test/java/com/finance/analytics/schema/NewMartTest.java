package com.finance.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.GatewayTest;
import com.finance.analytics.SignedIn;
import com.finance.analytics.SourceData;
import com.finance.analytics.TestFixtures;
import com.finance.analytics.snapshot.SnapshotManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Adding a mart with {@code meta.dataset: true} to the dbt project exposes a new typed
 * field with no Java change: a copy of the real dbt project gets one more model, the real
 * dbt builds and publishes a snapshot of it, and the running gateway swaps to it and
 * serves the new field.
 */
@GatewayTest
class NewMartTest {

	private static final Path SNAPSHOTS = temporaryDirectory("new-mart-snapshots");

	private static final String MODEL = """
			select
			    user_id,
			    date_trunc('week', booking_date)::date as week_start,
			    currency,
			    count(*)::bigint as transaction_count,
			    sum(amount)::decimal(18, 2) as net_amount
			from {{ ref('fct_transactions') }}
			where status = 'booked'
			group by all
			""";

	private static final String MODEL_YAML = """
			version: 2
			models:
			  - name: fct_weekly_activity
			    description: Booked transactions per user, week and currency.
			    config:
			      meta:
			        dataset: true
			        friendly_name: Weekly activity
			        group: aggregations
			        time_grain: week
			        filters:
			          user_id_column: user_id
			          date_column: week_start
			    columns:
			      - name: user_id
			        data_type: uuid
			      - name: week_start
			        data_type: date
			        description: Monday of the week.
			      - name: currency
			        data_type: varchar
			      - name: transaction_count
			        data_type: bigint
			      - name: net_amount
			        data_type: decimal(18, 2)
			""";

	@Autowired
	private HttpGraphQlTester anonymous;

	@Autowired
	private SnapshotManager snapshots;

	@TempDir
	Path workDir;

	@DynamicPropertySource
	static void snapshotsDir(DynamicPropertyRegistry registry) throws IOException {
		TestFixtures.copyTestSnapshot(SNAPSHOTS, "20000101T000000Z-base");
		TestFixtures.publish(SNAPSHOTS, "20000101T000000Z-base");
		registry.add("analytics.snapshots-dir", SNAPSHOTS::toString);
	}

	@Test
	void newDatasetModelBecomesATypedQueryFieldAfterTheNextSnapshot() throws Exception {
		UUID user;
		long bookedTransactions;
		try (SourceData source = SourceData.open()) {
			user = source.usersByActivity().getFirst();
			bookedTransactions = source.bookedTransactionCount(user);
		}
		HttpGraphQlTester graphQl = SignedIn.as(anonymous, user);
		graphQl.documentName("weeklyActivityCount")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));

		buildSnapshotWithNewModel();
		snapshots.refresh();

		List<Map> columns = graphQl.documentName("weeklyActivityDataset")
			.execute()
			.path("dataset.field")
			.entity(String.class)
			.isEqualTo("fctWeeklyActivity")
			.path("dataset.columns")
			.entityList(Map.class)
			.get();
		assertThat(columns).extracting(column -> column.get("name") + ":" + column.get("type"))
			.containsExactly("user_id:UUID", "week_start:Date", "currency:String", "transaction_count:Long",
					"net_amount:BigDecimal");

		record Week(LocalDate weekStart, String currency, long transactionCount) {
		}
		List<Week> weeks = graphQl.documentName("weeklyActivityByWeek")
			.execute()
			.path("fctWeeklyActivity.nodes")
			.entityList(Week.class)
			.get();
		assertThat(weeks).isNotEmpty().allMatch(week -> week.weekStart().getDayOfWeek().getValue() == 1);
		assertThat(weeks.stream().mapToLong(Week::transactionCount).sum()).isEqualTo(bookedTransactions);
	}

	private void buildSnapshotWithNewModel() throws Exception {
		Path project = workDir.resolve("dbt");
		copyProject(TestFixtures.repoRoot().resolve("dbt"), project);
		Files.writeString(project.resolve("models/3_mart/fct_weekly_activity.sql"), MODEL);
		Files.writeString(project.resolve("models/3_mart/_weekly_activity.yml"), MODEL_YAML);

		Path log = workDir.resolve("build.log");
		Process build = new ProcessBuilder(TestFixtures.repoRoot().resolve(".venv/bin/python").toString(), "-m",
				"analytics_orchestration.snapshot", "build", "--target", "local", "--snapshots-dir",
				SNAPSHOTS.toString(), "--source-file", TestFixtures.sourceDatabase().toString(), "--project-dir",
				project.toString())
			.directory(TestFixtures.repoRoot().toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		assertThat(build.waitFor(10, TimeUnit.MINUTES)).as("dbt build finished").isTrue();
		assertThat(build.exitValue()).as("dbt build failed:%n%s", Files.readString(log)).isZero();
	}

	private static void copyProject(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path relative = from.relativize(path);
				if (relative.startsWith("target") || relative.startsWith("logs")) {
					continue;
				}
				Path target = to.resolve(relative.toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target);
				}
			}
		}
	}

	private static Path temporaryDirectory(String prefix) {
		try {
			Path directory = Files.createTempDirectory(prefix);
			Runtime.getRuntime()
				.addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(directory.toFile())));
			return directory;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
