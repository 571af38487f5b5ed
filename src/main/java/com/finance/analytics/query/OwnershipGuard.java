package com.finance.analytics.query;

import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.snapshot.Snapshot;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Refuses ids the caller does not own. The owner of an id column is the dataset its
 * relationships test points at (fct_transactions.account_id → dim_accounts.account_id),
 * or the dataset itself when the column has no relation. A caller's owned ids are read
 * once per snapshot and kept as part of their working set
 * ({@link ResultCache#workingSet}).
 */
@Component
public class OwnershipGuard {

	private final QueryExecutor executor;

	private final ResultCache cache;

	public OwnershipGuard(QueryExecutor executor, ResultCache cache) {
		this.executor = executor;
		this.cache = cache;
	}

	public void checkOwned(Snapshot snapshot, UUID userId, Dataset dataset, String idColumn, Collection<UUID> ids,
			String argumentName) {
		if (ids.isEmpty()) {
			return;
		}
		Set<Object> owned = ownedIds(snapshot, userId, owner(snapshot.catalog(), dataset, idColumn));
		if (!owned.containsAll(ids)) {
			throw ErrorCode.FORBIDDEN.exception(argumentName + " contains an id that does not belong to you");
		}
	}

	private static OwnerColumn owner(Catalog catalog, Dataset dataset, String idColumn) {
		return catalog.relationFrom(dataset.id(), idColumn)
			.map(relation -> new OwnerColumn(relation.toDataset(), relation.toColumn()))
			.orElse(new OwnerColumn(dataset.id(), idColumn));
	}

	private Set<Object> ownedIds(Snapshot snapshot, UUID userId, OwnerColumn owner) {
		Dataset dataset = snapshot.catalog().requireDataset(owner.datasetId());
		Column column = dataset.requireColumn(owner.column());
		SqlStatement statement = DatasetSql.ownedValues(dataset, column, userId);
		return cache.workingSet(snapshot, userId, "owned", statement,
				() -> executor.execute(snapshot, statement, rows -> {
					Set<Object> values = new HashSet<>();
					while (rows.next()) {
						values.add(rows.getObject(1));
					}
					return Set.copyOf(values);
				}));
	}

	private record OwnerColumn(String datasetId, String column) {
	}

}
