package com.finance.analytics.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The markdown tables: one per query, a row per concurrency, gateway next to raw DuckDB.
 */
final class Report {

	private Report() {
	}

	static String markdown(List<Step> steps, List<SessionStep> sessions, List<String> facts) {
		StringBuilder out = new StringBuilder();
		facts.forEach(fact -> out.append("- ").append(fact).append('\n'));
		for (QueryKind kind : QueryKind.values()) {
			List<Step> ofKind = steps.stream().filter(step -> step.kind() == kind).toList();
			if (ofKind.isEmpty()) {
				continue;
			}
			out.append("\n**")
				.append(kind.title())
				.append("** (`")
				.append(kind.name().toLowerCase(Locale.ROOT))
				.append("`)\n\n")
				.append("| clients | gateway req/s | p50 ms | p95 ms | p99 ms | CPU ms/req | raw req/s | p50 ms "
						+ "| p95 ms | p99 ms | CPU ms/req | gateway ÷ raw | errors |\n")
				.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
			for (Step step : ofKind) {
				Result gateway = step.gateway();
				Result raw = step.raw();
				out.append(String.format(Locale.ROOT,
						"| %d | %.0f | %.1f | %.1f | %.1f | %.2f | %.0f | %.1f | %.1f | %.1f | %.2f | %.0f %% | %d / %d |%n",
						step.concurrency(), gateway.perSecond(), gateway.p50(), gateway.p95(), gateway.p99(),
						gateway.cpuMillis(), raw.perSecond(), raw.p50(), raw.p95(), raw.p99(), raw.cpuMillis(),
						100 * step.ratio(), gateway.errors(), raw.errors()));
			}
		}
		if (!sessions.isEmpty()) {
			out.append("\n**dashboard sessions** (`sessions`: the five queries, next page, month before, a tag;"
					+ " users Zipf-distributed; gateway asked with GET and If-None-Match as a browser revalidates)\n\n")
				.append("| clients | gateway req/s | p50 ms | p95 ms | p99 ms | CPU ms/req | 304 share | raw req/s | p50 ms "
						+ "| p95 ms | p99 ms | CPU ms/req | gateway ÷ raw | errors |\n")
				.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
			for (SessionStep step : sessions) {
				Result gateway = step.gateway();
				Result raw = step.raw();
				out.append(String.format(Locale.ROOT,
						"| %d | %.0f | %.1f | %.1f | %.1f | %.2f | %.0f %% | %.0f | %.1f | %.1f | %.1f | %.2f | %.0f %% | %d / %d |%n",
						step.concurrency(), gateway.perSecond(), gateway.p50(), gateway.p95(), gateway.p99(),
						gateway.cpuMillis(), 100 * step.notModifiedShare(), raw.perSecond(), raw.p50(), raw.p95(),
						raw.p99(), raw.cpuMillis(), 100 * step.ratio(), gateway.errors(), raw.errors()));
			}
		}
		Stream
			.concat(steps.stream().map(step -> new Result[] { step.gateway(), step.raw() }),
					sessions.stream().map(step -> new Result[] { step.gateway(), step.raw() }))
			.flatMap(Arrays::stream)
			.map(Result::firstError)
			.filter(Objects::nonNull)
			.findFirst()
			.ifPresent(error -> out.append("\nFirst error: ").append(error).append('\n'));
		return out.toString();
	}

}
