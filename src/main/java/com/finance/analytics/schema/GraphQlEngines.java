package com.finance.analytics.schema;

import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotManager;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The engine of a snapshot, or the no-data engine (status only; data answers UNAVAILABLE)
 * when there is none.
 */
@Component
public class GraphQlEngines {

	private final SnapshotManager snapshots;

	private final Supplier<GraphQlEngine> withoutData;

	public GraphQlEngines(SnapshotManager snapshots, GraphQlEngineFactory factory) {
		this.snapshots = snapshots;
		this.withoutData = SingletonSupplier.of(() -> factory.withoutData());
	}

	GraphQlEngine of(Snapshot snapshot) {
		return snapshot.requireAttachment(GraphQlEngine.class);
	}

	GraphQlEngine current() {
		return snapshots.current().map(this::of).orElseGet(withoutData);
	}

	GraphQlEngine withoutData() {
		return withoutData.get();
	}

}
