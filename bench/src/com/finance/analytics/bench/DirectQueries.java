package com.finance.analytics.bench;

import com.finance.analytics.catalog.CatalogLoader;
import com.finance.analytics.catalog.LoadedCatalog;
import com.finance.analytics.catalog.Relation;
import com.finance.analytics.catalog.SemanticLayer;
import com.finance.analytics.query.DatasetFilter;
import com.finance.analytics.query.DatasetQuery;
import com.finance.analytics.query.DatasetQueryService;
import com.finance.analytics.query.MetricQuery;
import com.finance.analytics.query.MetricQueryService;
import com.finance.analytics.query.OrderBy;
import com.finance.analytics.query.OwnershipGuard;
import com.finance.analytics.query.Page;
import com.finance.analytics.query.QueryExecutor;
import com.finance.analytics.query.QueryProperties;
import com.finance.analytics.query.RelationQueryService;
import com.finance.analytics.query.ResultCache;
import com.finance.analytics.query.ResultCacheProperties;
import com.finance.analytics.query.SortDirection;
import com.finance.analytics.query.TimeGrain;
import com.finance.analytics.security.Caller;
import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotDatabase;
import com.finance.analytics.snapshot.SnapshotInfo;
import com.finance.analytics.view.BalanceHistoryView;
import com.finance.analytics.view.ConvenienceView;
import com.finance.analytics.view.MonthlyTrendsView;
import com.finance.analytics.view.SpendingByTagView;
import com.finance.analytics.view.ViewArguments;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.util.unit.DataSize;

/**
 * The raw DuckDB limit: each logical query of the mix goes through the gateway's own
 * query services, so the SQL text, bind parameters, statement sequence and row reading
 * are exactly the gateway's (nothing hand-copied to drift), but the statements run
 * straight on DuckDB JDBC with {@link RawExecutor}: no HTTP, token, GraphQL or JSON, and
 * no bound on in-flight statements. Same snapshot file, same DuckDB settings (but a
 * larger memory limit), same connection strategy as the gateway.
 */
final class DirectQueries implements AutoCloseable {

	/**
	 * The columns the transaction pages of the mix select (QueryKind, Session), as the
	 * gateway reads them: only what a selection uses.
	 */
	private static final Set<String> PAGE_COLUMNS = Set.of("transaction_id", "account_id", "booking_date", "amount",
			"currency", "description", "counterparty", "status", "tag_names");

	/** The nested query's own columns and the keys of its two relations. */
	private static final Set<String> NESTED_COLUMNS = Set.of("transaction_id", "booking_date", "amount", "account_id",
			"tag_ids");

	static final String RAW_MEMORY_LIMIT = "2GB";

	private final Snapshot snapshot;

	private final DatasetQueryService datasets;

	private final ConvenienceView spendingByTag;

	private final ConvenienceView monthlyTrends;

	private final ConvenienceView balanceHistory;

	private final RelationQueryService relations;

	private final MetricQueryService metricQueries;

	private final Relation accountRelation;

	private final Relation tagRelation;

	private DirectQueries(Snapshot snapshot) {
		this.snapshot = snapshot;
		QueryExecutor executor = new RawExecutor();
		// The gateway's own result cache, so that both sides issue the same statements.
		ResultCacheProperties cacheProperties = new ResultCacheProperties(DataSize.ofMegabytes(16),
				DataSize.ofMegabytes(128), 2000);
		ResultCache cache = new ResultCache(cacheProperties,
				new DefaultListableBeanFactory().getBeanProvider(MeterRegistry.class));
		cache.snapshotPublished(snapshot);
		this.datasets = new DatasetQueryService(executor, new OwnershipGuard(executor, cache), cache, cacheProperties);
		this.spendingByTag = new SpendingByTagView(datasets);
		this.monthlyTrends = new MonthlyTrendsView(datasets);
		this.balanceHistory = new BalanceHistoryView(datasets);
		this.relations = new RelationQueryService(executor, cache, cacheProperties);
		this.metricQueries = new MetricQueryService(executor, new OwnershipGuard(executor, cache));
		this.accountRelation = snapshot.catalog().relationFrom("fct_transactions", "account_id").orElseThrow();
		this.tagRelation = snapshot.catalog().relationFrom("fct_transactions", "tag_ids").orElseThrow();
	}

	/**
	 * Same settings as the gateway except DuckDB's memory limit: without the gateway's
	 * bound on in-flight statements, 64 statements at once need more working memory than
	 * the gateway's default (they fail with out-of-memory errors).
	 */
	static DirectQueries open(Path snapshotDir, int duckdbThreads) throws Exception {
		SnapshotDatabase database = SnapshotDatabase.open(snapshotDir.resolve("analytics.duckdb"), duckdbThreads,
				RAW_MEMORY_LIMIT);
		try (Connection connection = database.connect()) {
			LoadedCatalog loaded = CatalogLoader.load(snapshotDir.resolve("manifest.json"), connection);
			SnapshotInfo info = new SnapshotInfo(snapshotDir.getFileName().toString(), Instant.now(),
					loaded.dbtVersion(), null, null);
			return new DirectQueries(new Snapshot(info, database, loaded.catalog()));
		}
	}

	Connection connect() throws SQLException {
		return snapshot.database().connect();
	}

	/**
	 * Runs the logical query; returns how many top-level rows it produced (to cross-check
	 * the gateway).
	 */
	int run(QueryKind kind, Request request) {
		Caller caller = new Caller(request.user().userId(), Set.of());
		var window = request.window();
		return switch (kind) {
			case TRANSACTIONS_PAGE ->
				transactions(caller, request, QueryKind.TRANSACTIONS_PAGE_SIZE, PAGE_COLUMNS).rows().size();
			case SPENDING_BY_TAG ->
				spendingByTag.rows(snapshot, caller, new ViewArguments(window.start(), window.end(), null, null))
					.size();
			case MONTHLY_TRENDS ->
				monthlyTrends.rows(snapshot, caller, new ViewArguments(window.start(), window.end(), null, null))
					.size();
			case BALANCE_HISTORY -> balanceHistory
				.rows(snapshot, caller,
						new ViewArguments(window.start(), window.end(), List.of(request.user().accountId()), null))
				.size();
			case NESTED_RELATIONS -> nested(caller, request);
			case METRIC_TAG_SPENDING -> metrics(caller, request, List.of("tag_spending"), List.of("currency", "tag"),
					TimeGrain.MONTH, DatasetQuery.MAX_LIMIT);
			case METRIC_CASH_FLOW -> metrics(caller, request, List.of("income", "spending", "savings_rate"),
					List.of("currency"), TimeGrain.QUARTER, DatasetQuery.DEFAULT_LIMIT);
		};
	}

	private int metrics(Caller caller, Request request, List<String> names, List<String> groupBy, TimeGrain grain,
			int limit) {
		SemanticLayer layer = snapshot.catalog().semantics();
		MetricQuery query = new MetricQuery(names.stream().map(name -> layer.metric(name).orElseThrow()).toList(),
				groupBy, Optional.of(grain), request.window().start(), request.window().end(), List.of(), List.of(),
				List.of(), limit);
		return metricQueries.query(snapshot, caller, query).rows().size();
	}

	/** Runs a session step; returns how many top-level rows it produced. */
	int run(Session.Step step) {
		Request request = new Request(step.user(), step.window());
		Caller caller = new Caller(step.user().userId(), Set.of());
		return switch (step.kind()) {
			case PAGE -> page(caller, step, QueryKind.TRANSACTIONS_PAGE_SIZE, step.offset(), List.of()).rows().size();
			case TAGGED_PAGE ->
				page(caller, step, QueryKind.TRANSACTIONS_PAGE_SIZE, 0, List.of(step.tag())).rows().size();
			case SPENDING_BY_TAG -> run(QueryKind.SPENDING_BY_TAG, request);
			case MONTHLY_TRENDS -> run(QueryKind.MONTHLY_TRENDS, request);
			case BALANCE_HISTORY -> run(QueryKind.BALANCE_HISTORY, request);
			case NESTED_RELATIONS -> run(QueryKind.NESTED_RELATIONS, request);
		};
	}

	private Page page(Caller caller, Session.Step step, int limit, int offset, List<java.util.UUID> tags) {
		DatasetFilter filter = DatasetFilter.of(step.window().start(), step.window().end(), List.of(), tags);
		return datasets.query(snapshot, caller, "fct_transactions",
				new DatasetQuery(filter, List.of(new OrderBy("booking_date", SortDirection.DESC)), limit, offset)
					.reading(PAGE_COLUMNS));
	}

	/**
	 * The page, then one batch per relation, as the gateway's data loaders resolve a
	 * nesting level.
	 */
	private int nested(Caller caller, Request request) {
		Page page = transactions(caller, request, QueryKind.NESTED_PAGE_SIZE, NESTED_COLUMNS);
		Set<Object> accounts = new LinkedHashSet<>();
		Set<Object> tags = new LinkedHashSet<>();
		for (Map<String, Object> row : page.rows()) {
			accounts.add(row.get(accountRelation.fromColumn()));
			Object tagIds = row.get(tagRelation.fromColumn());
			if (tagIds instanceof Collection<?> ids) {
				tags.addAll(ids);
			}
		}
		relations.targetsByKey(snapshot, caller, accountRelation, accounts);
		relations.targetsByKey(snapshot, caller, tagRelation, tags);
		return page.rows().size();
	}

	private Page transactions(Caller caller, Request request, int limit, Set<String> columns) {
		DatasetFilter filter = DatasetFilter.of(request.window().start(), request.window().end(), List.of(), List.of());
		return datasets.query(snapshot, caller, "fct_transactions",
				new DatasetQuery(filter, List.of(new OrderBy("booking_date", SortDirection.DESC)), limit, 0)
					.reading(columns));
	}

	@Override
	public void close() throws SQLException {
		snapshot.database().close();
	}

	/**
	 * The gateway's own executor (kept connections, reused prepared statements, the same
	 * cancellation) without its admission bound: every client's statement goes straight
	 * into DuckDB.
	 */
	private static final class RawExecutor extends QueryExecutor {

		RawExecutor() {
			super(new QueryProperties(Duration.ofMinutes(1), 1));
		}

		@Override
		protected void acquireSlot() {
		}

		@Override
		protected void releaseSlot() {
		}

	}

}
