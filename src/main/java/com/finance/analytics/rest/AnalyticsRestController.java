package com.finance.analytics.rest;

import static com.finance.analytics.rest.QueryParameters.ACCOUNT_IDS;
import static com.finance.analytics.rest.QueryParameters.END_DATE;
import static com.finance.analytics.rest.QueryParameters.LIMIT;
import static com.finance.analytics.rest.QueryParameters.OFFSET;
import static com.finance.analytics.rest.QueryParameters.START_DATE;
import static com.finance.analytics.rest.QueryParameters.TAG_IDS;

import com.finance.analytics.catalog.Dataset;
import com.finance.analytics.query.DatasetFilter;
import com.finance.analytics.query.DatasetQuery;
import com.finance.analytics.query.DatasetQueryService;
import com.finance.analytics.rest.QueryParameters.DateRange;
import com.finance.analytics.refresh.RefreshService;
import com.finance.analytics.security.Caller;
import com.finance.analytics.security.Callers;
import com.finance.analytics.security.RequestLimits;
import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotManager;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST analytics API (the convenience views are served by {@link ViewEndpoints}).
 * Every data call leases the current snapshot for its duration and goes through the same
 * query services as GraphQL, which scope each statement by the caller and check the ids
 * they pass.
 */
@RestController
@RequestMapping(path = "/api/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "analytics")
class AnalyticsRestController {

	private static final Set<String> NONE = Set.of();

	private static final Set<String> QUERY = Set.of(START_DATE, END_DATE, ACCOUNT_IDS, TAG_IDS, LIMIT, OFFSET);

	private final SnapshotManager snapshots;

	private final LeasedSnapshots leased;

	private final DatasetQueryService datasets;

	private final RefreshService refreshes;

	private final int maxListSize;

	AnalyticsRestController(SnapshotManager snapshots, LeasedSnapshots leased, DatasetQueryService datasets,
			RefreshService refreshes, RequestLimits limits) {
		this.snapshots = snapshots;
		this.leased = leased;
		this.datasets = datasets;
		this.refreshes = refreshes;
		this.maxListSize = limits.maxListSize();
	}

	@GetMapping("/status")
	@Operation(summary = "Whether analytics data is served, and from which snapshot")
	AnalyticsStatusBody status(HttpServletRequest request) {
		parameters(request, NONE);
		return AnalyticsStatusBody.of(snapshots.status());
	}

	@GetMapping("/datasets")
	@Operation(summary = "The datasets of the current snapshot, from dbt metadata")
	List<DatasetBody> datasets(HttpServletRequest request) {
		parameters(request, NONE);
		return withSnapshot(snapshot -> snapshot.catalog().datasets().stream().map(DatasetBody::summary).toList());
	}

	@GetMapping("/datasets/{id}/schema")
	@Operation(summary = "A dataset's columns and types; 404 for an unknown dataset")
	DatasetBody schema(@PathVariable String id, HttpServletRequest request) {
		parameters(request, NONE);
		return withSnapshot(snapshot -> DatasetBody.withColumns(snapshot.catalog().requireDataset(id)));
	}

	@GetMapping("/datasets/{id}/query")
	@Operation(summary = "A page of the caller's rows of a dataset",
			description = "Filters apply to the columns the dataset declares in meta.filters (see its schema's "
					+ "filters); any other filter is a 400. Ids must belong to the caller (else 403).")
	@DateRangeParameters
	@Parameter(name = ACCOUNT_IDS, in = ParameterIn.QUERY, description = "Accounts (repeated or comma-separated)",
			array = @ArraySchema(schema = @Schema(type = "string", format = "uuid"), maxItems = 100))
	@Parameter(name = TAG_IDS, in = ParameterIn.QUERY, description = "Tags (repeated or comma-separated)",
			array = @ArraySchema(schema = @Schema(type = "string", format = "uuid"), maxItems = 100))
	@Parameter(name = LIMIT, in = ParameterIn.QUERY, description = "Page size",
			schema = @Schema(type = "integer", format = "int32", minimum = "0", maximum = "10000",
					defaultValue = "1000"))
	@Parameter(name = OFFSET, in = ParameterIn.QUERY, description = "Rows to skip",
			schema = @Schema(type = "integer", format = "int32", minimum = "0", defaultValue = "0"))
	RowsPageBody query(@PathVariable String id, HttpServletRequest request) {
		QueryParameters parameters = parameters(request, QUERY);
		return withSnapshot(snapshot -> {
			Dataset dataset = snapshot.catalog().requireDataset(id);
			requireDeclared(dataset, parameters);
			DateRange range = parameters.dateRange(false);
			DatasetQuery query = new DatasetQuery(
					DatasetFilter.of(range.start(), range.end(), parameters.ids(ACCOUNT_IDS), parameters.ids(TAG_IDS)),
					List.of(), parameters.integer(LIMIT, DatasetQuery.DEFAULT_LIMIT), parameters.integer(OFFSET, 0));
			return RowsPageBody.of(dataset.id(), datasets.query(snapshot, caller(request), dataset.id(), query));
		});
	}

	@PostMapping("/refresh")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Rebuilds the marts through Dagster (needs the analytics:refresh scope)",
			description = "While a refresh is unfinished, returns that run instead of starting another. "
					+ "A new run is answered at once with status LAUNCHING while it is handed to Dagster.")
	CompletableFuture<RefreshRunBody> refresh(HttpServletRequest request) {
		parameters(request, NONE);
		// Asynchronous: the request thread goes back to serving queries while Dagster
		// answers.
		return refreshes.refresh(caller(request)).thenApply(RefreshRunBody::of);
	}

	@GetMapping("/refresh/{runId}")
	@Operation(summary = "A refresh run's status, asked of Dagster (needs the analytics:refresh scope)",
			description = "FAILURE carries Dagster's message; LAUNCHING until Dagster knows the run, "
					+ "503 when its launch failed. A run id is a UUID; an unknown one is 404.")
	CompletableFuture<RefreshRunBody> refreshRun(@PathVariable String runId, HttpServletRequest request) {
		parameters(request, NONE);
		return refreshes.run(caller(request), runId).thenApply(RefreshRunBody::of);
	}

	private QueryParameters parameters(HttpServletRequest request, Set<String> accepted) {
		return QueryParameters.of(request, accepted, maxListSize);
	}

	private static Caller caller(HttpServletRequest request) {
		return Callers.require(request);
	}

	private <T> T withSnapshot(Function<Snapshot, T> work) {
		return leased.apply(work);
	}

	/**
	 * A filter the dataset does not declare is refused by its REST name rather than
	 * silently ignored.
	 */
	private static void requireDeclared(Dataset dataset, QueryParameters parameters) {
		List<String> declared = DatasetBody.filterParameters(dataset.filters());
		for (String filter : List.of(START_DATE, END_DATE, ACCOUNT_IDS, TAG_IDS)) {
			if (parameters.has(filter) && !declared.contains(filter)) {
				throw QueryParameters.badRequest("Dataset '" + dataset.id() + "' has no " + filter + " filter");
			}
		}
	}

}
