package com.finance.analytics.query;

import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.catalog.Relation;
import com.finance.analytics.security.Caller;
import com.finance.analytics.snapshot.Snapshot;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Resolves a batch of relation keys to the caller's target rows. A key the caller does
 * not own simply has no row: it can only come from the caller's own rows, so this never
 * reveals anyone else's data. The targets are small per user (their accounts, their
 * tags): the caller's whole target rows are read once per snapshot and every later batch
 * is answered from them (their working set, {@link ResultCache#workingSet}); only a user
 * with more than {@code workingSetRows} target rows has each batch looked up with one
 * statement.
 */
@Service
public class RelationQueryService {

	private final QueryExecutor executor;

	private final ResultCache cache;

	private final int workingSetRows;

	public RelationQueryService(QueryExecutor executor, ResultCache cache, ResultCacheProperties properties) {
		this.executor = executor;
		this.cache = cache;
		this.workingSetRows = properties.workingSetRows();
	}

	public Map<Object, Map<String, Object>> targetsByKey(Snapshot snapshot, Caller caller, Relation relation,
			Collection<?> keys) {
		if (keys.isEmpty()) {
			return Map.of();
		}
		Dataset target = snapshot.catalog().requireDataset(relation.toDataset());
		KeyedRows all = workingSet(snapshot, caller, target, relation.toColumn());
		if (all.complete()) {
			Map<Object, Map<String, Object>> byKey = new HashMap<>();
			for (Object key : keys) {
				Map<String, Object> row = all.byKey().get(key);
				if (row != null) {
					byKey.put(key, row);
				}
			}
			return byKey;
		}
		return byKey(executor.rows(snapshot, DatasetSql.lookup(target, relation.toColumn(), caller.userId(), keys),
				target.columns()), relation.toColumn());
	}

	/**
	 * The caller's target rows by key; not complete when the caller has more than
	 * {@code workingSetRows} of them.
	 */
	private KeyedRows workingSet(Snapshot snapshot, Caller caller, Dataset target, String keyColumn) {
		SqlStatement statement = DatasetSql.rows(target, caller.userId(), workingSetRows + 1);
		return cache.workingSet(snapshot, caller.userId(), "rows by " + keyColumn, statement, () -> {
			List<Map<String, Object>> rows = executor.rows(snapshot, statement, target.columns());
			return rows.size() > workingSetRows ? new KeyedRows(Map.of(), false)
					: new KeyedRows(byKey(rows, keyColumn), true);
		});
	}

	private static Map<Object, Map<String, Object>> byKey(List<Map<String, Object>> rows, String keyColumn) {
		Map<Object, Map<String, Object>> byKey = new HashMap<>();
		rows.forEach(row -> byKey.put(row.get(keyColumn), row));
		return byKey;
	}

}
