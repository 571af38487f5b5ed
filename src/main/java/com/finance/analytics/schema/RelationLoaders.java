package com.finance.analytics.schema;

import com.finance.analytics.security.Callers;
import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.query.RelationQueryService;
import com.finance.analytics.security.Caller;
import com.finance.analytics.snapshot.Snapshot;
import graphql.GraphQLContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.springframework.graphql.execution.DataLoaderRegistrar;

/**
 * One data loader per relation of the snapshot, per request: all keys of a nesting level
 * are resolved with one statement, scoped to the request's caller.
 */
final class RelationLoaders implements DataLoaderRegistrar {

	private final Snapshot snapshot;

	private final RelationQueryService relations;

	/**
	 * Worked out once per snapshot: naming them per request cost about 5 % of a request's
	 * CPU (docs/performance.md).
	 */
	private final List<RelationField> fields;

	RelationLoaders(Snapshot snapshot, RelationQueryService relations) {
		this.snapshot = snapshot;
		this.relations = relations;
		Catalog catalog = snapshot.catalog();
		this.fields = catalog.datasets()
			.stream()
			.flatMap(dataset -> RelationField.of(catalog, dataset).stream())
			.toList();
	}

	@Override
	public void registerDataLoaders(DataLoaderRegistry registry, GraphQLContext context) {
		for (RelationField field : fields) {
			registry.register(field.loaderName(), DataLoaderFactory
				.<Object, Map<String, Object>>newMappedDataLoader(keys -> load(context, field, keys)));
		}
	}

	private CompletableFuture<Map<Object, Map<String, Object>>> load(GraphQLContext context, RelationField field,
			Set<Object> keys) {
		try {
			Caller caller = Callers.require(context);
			return CompletableFuture.completedFuture(relations.targetsByKey(snapshot, caller, field.relation(), keys));
		}
		catch (RuntimeException e) {
			return CompletableFuture.failedFuture(e);
		}
	}

}
