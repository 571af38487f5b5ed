package com.finance.analytics.bench;

import java.util.List;
import java.util.Locale;

/**
 * The markdown tables: one per query, a row per concurrency, gateway next to raw DuckDB.
 */
final class Report {

	private Report() {
	}

	static String markdown(List<Step> steps, List<String> facts) {
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
		steps.stream()
			.filter(step -> step.gateway().firstError() != null || step.raw().firstError() != null)
			.findFirst()
			.ifPresent(step -> out.append("\nFirst error: ")
				.append(step.gateway().firstError() != null ? step.gateway().firstError() : step.raw().firstError())
				.append('\n'));
		return out.toString();
	}

}
