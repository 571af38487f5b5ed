package com.finance.analytics.metric;

import com.finance.analytics.GatewayHttp;
import com.finance.analytics.TestFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * MetricFlow itself ({@code analytics_orchestration.metricflow_reference}, dbt-metricflow
 * pinned in requirements.txt) answering metric requests on a snapshot: every request in
 * one process, since MetricFlow's start-up costs seconds and a query milliseconds.
 */
final class MetricFlowReference {

	private MetricFlowReference() {
	}

	/**
	 * A request in MetricFlow's names, e.g. group by {@code metric_time__month} and
	 * {@code transaction__currency}.
	 */
	record Request(String id, UUID user, List<String> metrics, List<String> groupBy, String start, String end) {

		Map<String, Object> json() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", id);
			json.put("user_id", user.toString());
			json.put("metrics", metrics);
			json.put("group_by", groupBy);
			json.put("start", start);
			json.put("end", end);
			return json;
		}
	}

	/** The answers by request id: columns and rows, or an error. */
	static Map<String, JsonNode> answer(Path snapshot, List<Request> requests)
			throws IOException, InterruptedException {
		Path directory = Files.createTempDirectory("metricflow-reference");
		Path input = directory.resolve("requests.json");
		Path output = directory.resolve("answers.json");
		Path log = directory.resolve("stderr.log");
		List<Map<String, Object>> json = new ArrayList<>();
		requests.forEach(request -> json.add(request.json()));
		GatewayHttp.JSON.writeValue(input.toFile(), json);
		Path root = TestFixtures.repoRoot();
		ProcessBuilder builder = new ProcessBuilder(root.resolve(".venv/bin/python").toString(), "-m",
				"analytics_orchestration.metricflow_reference", "--snapshot", snapshot.toString())
			.redirectInput(input.toFile())
			.redirectOutput(output.toFile())
			.redirectError(log.toFile());
		builder.environment().put("PYTHONPATH", root + ":" + root.resolve("orchestration"));
		Process process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException("MetricFlow reference failed: " + Files.readString(log));
		}
		Map<String, JsonNode> answers = new LinkedHashMap<>();
		GatewayHttp.JSON.readTree(output.toFile())
			.properties()
			.forEach(entry -> answers.put(entry.getKey(), entry.getValue()));
		return answers;
	}

}
