package com.finance.analytics.schema;

import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.security.Callers;
import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotInfo;
import com.finance.analytics.snapshot.SnapshotManager;
import com.finance.analytics.snapshot.SnapshotStatus;
import graphql.schema.DataFetcher;
import graphql.schema.idl.TypeRuntimeWiring;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code analyticsStatus}, {@code datasets} and {@code dataset(id)}: what is served and
 * what it contains. In every schema; without a snapshot the status says why and the
 * listings answer UNAVAILABLE.
 */
@Component
@Order(0)
class DiscoveryFields implements SchemaContribution {

	private final SnapshotManager snapshots;

	DiscoveryFields(SnapshotManager snapshots) {
		this.snapshots = snapshots;
	}

	@Override
	public void contribute(SchemaBuilder schema, Optional<Snapshot> snapshot) {
		schema.addResource("graphql/discovery.graphqls");
		Supplier<SnapshotStatus> status = snapshot
			.<Supplier<SnapshotStatus>>map(served -> () -> new SnapshotStatus(Optional.of(served.info()),
					served.catalog().datasets().size(), Optional.empty()))
			.orElse(snapshots::status);
		Optional<Catalog> catalog = snapshot.map(Snapshot::catalog);
		schema.wire(TypeRuntimeWiring.newTypeWiring("Query")
			.dataFetcher("analyticsStatus", status(status))
			.dataFetcher("datasets", catalog.map(DiscoveryFields::datasets).orElseGet(DiscoveryFields::unavailable))
			.dataFetcher("dataset", catalog.map(DiscoveryFields::dataset).orElseGet(DiscoveryFields::unavailable)));
	}

	private static DataFetcher<Map<String, Object>> status(Supplier<SnapshotStatus> status) {
		return environment -> {
			SnapshotStatus current = status.get();
			Optional<SnapshotInfo> info = current.current();
			Map<String, Object> result = new HashMap<>();
			result.put("available", current.available());
			result.put("snapshotId", info.map(SnapshotInfo::id).orElse(null));
			result.put("builtAt", info.map(snapshot -> snapshot.builtAt().atOffset(ZoneOffset.UTC)).orElse(null));
			result.put("dbtVersion", info.map(SnapshotInfo::dbtVersion).orElse(null));
			result.put("datasetCount", current.datasetCount());
			return result;
		};
	}

	private static DataFetcher<Object> datasets(Catalog catalog) {
		return environment -> {
			Callers.require(environment);
			return catalog.datasets().stream().map(DiscoveryFields::describe).toList();
		};
	}

	private static DataFetcher<Object> dataset(Catalog catalog) {
		return environment -> {
			Callers.require(environment);
			String id = environment.getArgument("id");
			return describe(catalog.requireDataset(id));
		};
	}

	private static DataFetcher<Object> unavailable() {
		return environment -> {
			throw ErrorCode.UNAVAILABLE.exception();
		};
	}

	private static Map<String, Object> describe(Dataset dataset) {
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("id", dataset.id());
		info.put("field", DatasetNames.of(dataset).queryField());
		info.put("name", dataset.friendlyName());
		info.put("group", dataset.group());
		info.put("timeGrain", dataset.timeGrain());
		info.put("description", dataset.description());
		info.put("filters", DatasetNames.filterArguments(dataset.filters()));
		info.put("columns", dataset.columns().stream().map(DiscoveryFields::describe).toList());
		return info;
	}

	private static Map<String, Object> describe(Column column) {
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("name", column.name());
		info.put("field", GraphQlNames.field(column.name()));
		info.put("type", ScalarTypes.graphQlType(column.type()));
		info.put("databaseType", column.type().duckDbType());
		info.put("description", column.description());
		return info;
	}

}
