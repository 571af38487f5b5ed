package com.finance.analytics.metric;

import static org.assertj.core.api.Assertions.assertThat;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.GatewayTest;
import com.finance.analytics.SignedIn;
import com.finance.analytics.SourceData;
import com.finance.analytics.TestFixtures;
import com.finance.analytics.security.TestTokens;
import com.finance.analytics.snapshot.SnapshotManager;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A metric added to the dbt project appears on GraphQL and REST after the next snapshot
 * swap, with no Java change: a copy of the test snapshot gets a new measure and a new
 * metric in its manifest.json exactly as dbt writes them, is published with its
 * checksums, and the running gateway swaps to it.
 */
@GatewayTest
class NewMetricTest {

	private static Path snapshotsDir;

	private static final String BASE = "20000101T000000Z-base";

	private static final String WITH_METRIC = "20000101T000001Z-metric";

	@Autowired
	private HttpGraphQlTester anonymous;

	@Autowired
	private GatewayHttp http;

	@Autowired
	private SnapshotManager snapshots;

	@DynamicPropertySource
	static void snapshotsDir(DynamicPropertyRegistry registry) throws IOException {
		snapshotsDir = Files.createTempDirectory("new-metric-snapshots");
		TestFixtures.copyTestSnapshot(snapshotsDir, BASE);
		TestFixtures.publish(snapshotsDir, BASE);
		registry.add("analytics.snapshots-dir", snapshotsDir::toString);
	}

	@Test
	void newMetricInTheManifestIsServedAfterTheNextSnapshot() throws Exception {
		UUID user;
		try (SourceData source = SourceData.open()) {
			user = source.usersByActivity().getFirst();
		}
		String token = TestTokens.bearer(user);
		String rest = "/api/analytics/metrics?metrics=largest_spending&group_by=currency&grain=quarter"
				+ "&start_date=2026-01-01&end_date=2026-06-30";
		assertThat(http.get(token, rest).problemCode()).isEqualTo("BAD_REQUEST");

		publishWithNewMetric();
		snapshots.refresh();

		record Month(String period, String currency, BigDecimal largestSpending, BigDecimal spending) {
		}
		List<Month> months = SignedIn.as(anonymous, user)
			.documentName("largestSpendingPerMonth")
			.execute()
			.path("metrics.rows")
			.entityList(Month.class)
			.get();
		assertThat(months).isNotEmpty()
			.allSatisfy(
					month -> assertThat(month.largestSpending()).isPositive().isLessThanOrEqualTo(month.spending()));
		GatewayHttp.Response answer = http.get(token, rest);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		List<Map<String, Object>> quarters = GatewayHttp.JSON.convertValue(answer.json().path("rows"),
				new tools.jackson.core.type.TypeReference<List<Map<String, Object>>>() {
				});
		assertThat(quarters).isNotEmpty().allSatisfy(row -> assertThat(row).containsKey("largest_spending"));
		BigDecimal largestOfHalfYear = months.stream()
			.filter(month -> month.currency().equals(quarters.getFirst().get("currency")))
			.map(Month::largestSpending)
			.reduce(BigDecimal.ZERO, BigDecimal::max);
		assertThat(quarters.stream()
			.filter(row -> row.get("currency").equals(quarters.getFirst().get("currency")))
			.map(row -> new BigDecimal((String) row.get("largest_spending")))
			.reduce(BigDecimal.ZERO, BigDecimal::max)).isEqualByComparingTo(largestOfHalfYear);
		assertThat(SignedIn.as(anonymous, user)
			.documentName("metricCatalog")
			.execute()
			.path("metricCatalog.metrics[*].metric")
			.entity(new ParameterizedTypeReference<List<String>>() {
			})
			.get()).contains("LARGEST_SPENDING");
	}

	/**
	 * Copies the base snapshot with one more measure (largest purchase) on the
	 * transactions semantic model and a simple metric over it, as dbt parse writes them.
	 */
	private static void publishWithNewMetric() throws Exception {
		Path snapshot = TestFixtures.copyTestSnapshot(snapshotsDir, WITH_METRIC);
		Path manifestFile = snapshot.resolve("manifest.json");
		ObjectNode manifest = (ObjectNode) GatewayHttp.JSON.readTree(manifestFile.toFile());
		ObjectNode transactions = (ObjectNode) manifest.path("semantic_models")
			.path("semantic_model.analytics.transactions");
		ObjectNode measure = ((ObjectNode) transactions.path("measures").get(0)).deepCopy();
		measure.put("name", "largest_spending_amount");
		measure.put("agg", "max");
		measure.put("description", "The largest single booked purchase.");
		measure.put("expr", "case when status = 'booked' and not is_transfer and amount < 0 then -amount end");
		((ArrayNode) transactions.path("measures")).add(measure);
		ObjectNode metric = ((ObjectNode) manifest.path("metrics").path("metric.analytics.spending")).deepCopy();
		metric.put("name", "largest_spending");
		metric.put("unique_id", "metric.analytics.largest_spending");
		metric.put("label", "Largest purchase");
		metric.put("description", "The largest single booked purchase (money out) of the period.");
		((ObjectNode) metric.path("type_params").path("measure")).put("name", "largest_spending_amount");
		((ObjectNode) metric.path("type_params").path("input_measures").get(0)).put("name", "largest_spending_amount");
		((ObjectNode) manifest.path("metrics")).set("metric.analytics.largest_spending", metric);
		GatewayHttp.JSON.writeValue(manifestFile.toFile(), manifest);

		Path metadataFile = snapshot.resolve("snapshot.json");
		ObjectNode metadata = (ObjectNode) GatewayHttp.JSON.readTree(metadataFile.toFile());
		metadata.put("id", WITH_METRIC);
		GatewayHttp.JSON.writeValue(metadataFile.toFile(), metadata);
		TestFixtures.recordChecksum(snapshot, "manifest.json");
		TestFixtures.publish(snapshotsDir, WITH_METRIC);
	}

}
