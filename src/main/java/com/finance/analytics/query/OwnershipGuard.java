package com.finance.analytics.query;

import com.finance.analytics.catalog.Catalog;
import com.finance.analytics.catalog.Column;
import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.snapshot.Snapshot;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Refuses ids the caller does not own. The owner of an id column is the dataset its
 * relationships test points at (fct_transactions.account_id → dim_accounts.account_id),
 * or the dataset itself when the column has no relation. A caller's owned ids are cached
 * per snapshot: a snapshot never changes, and the swap drops the cache with it.
 */
@Component
public class OwnershipGuard {

	private static final int MAX_CACHED_OWNERS = 10_000;

	private final QueryExecutor executor;

	public OwnershipGuard(QueryExecutor executor) {
		this.executor = executor;
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
		Map<OwnedKey, Set<Object>> cache = snapshot.attachment(OwnedIdCache.class, OwnedIdCache::new).entries;
		OwnedKey key = new OwnedKey(userId, owner);
		Set<Object> cached = cache.get(key);
		if (cached != null) {
			return cached;
		}
		Dataset dataset = snapshot.catalog().requireDataset(owner.datasetId());
		Column column = dataset.requireColumn(owner.column());
		Set<Object> owned = executor.execute(snapshot, DatasetSql.ownedValues(dataset, column, userId), rows -> {
			Set<Object> values = new HashSet<>();
			while (rows.next()) {
				values.add(rows.getObject(1));
			}
			return Set.copyOf(values);
		});
		if (cache.size() >= MAX_CACHED_OWNERS) {
			cache.clear();
		}
		cache.put(key, owned);
		return owned;
	}

	private record OwnerColumn(String datasetId, String column) {
	}

	private record OwnedKey(UUID userId, OwnerColumn owner) {
	}

	private static final class OwnedIdCache {

		private final Map<OwnedKey, Set<Object>> entries = new ConcurrentHashMap<>();

	}

}
