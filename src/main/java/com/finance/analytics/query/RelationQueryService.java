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
 * Resolves a batch of relation keys to the caller's target rows in one statement. A key
 * the caller does not own simply has no row: it can only come from the caller's own rows,
 * so this never reveals anyone else's data.
 */
@Service
public class RelationQueryService {

	private final QueryExecutor executor;

	public RelationQueryService(QueryExecutor executor) {
		this.executor = executor;
	}

	public Map<Object, Map<String, Object>> targetsByKey(Snapshot snapshot, Caller caller, Relation relation,
			Collection<?> keys) {
		if (keys.isEmpty()) {
			return Map.of();
		}
		Dataset target = snapshot.catalog().requireDataset(relation.toDataset());
		List<Map<String, Object>> rows = executor.rows(snapshot,
				DatasetSql.lookup(target, relation.toColumn(), caller.userId(), keys), target.columns());
		Map<Object, Map<String, Object>> byKey = new HashMap<>();
		rows.forEach(row -> byKey.put(row.get(relation.toColumn()), row));
		return byKey;
	}

}
