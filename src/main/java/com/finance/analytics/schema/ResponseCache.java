package com.finance.analytics.schema;

import com.finance.analytics.documents.DocumentProviders;
import com.finance.analytics.documents.Operations;
import com.finance.analytics.security.Caller;
import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotCache;
import com.finance.analytics.snapshot.SnapshotListener;
import com.finance.analytics.snapshot.SnapshotManager;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import graphql.ExecutionResult;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlRequest;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * Whole answers, kept as the JSON of their {@code data} until the snapshot they were read
 * from is replaced. Only a query's answer with data, no error and nothing read from
 * outside the snapshot ({@link SchemaContribution#NOT_FROM_SNAPSHOT}) is kept, under a
 * {@link ResponseKey} naming the snapshot, the caller and the request as sent; a repeat
 * gets the same JSON without graphql-java or DuckDB, and a miss hands its freshly written
 * JSON on so it is serialized only once. A swap drops every entry of older snapshots.
 * Bounded by approximate bytes, least useful entries evicted first.
 */
@Component
public class ResponseCache implements SnapshotListener {

	/**
	 * Name of the cache in metrics
	 * ({@code cache_gets_total{cache="analytics.responses"}}).
	 */
	public static final String METRICS_NAME = "analytics.responses";

	private final SnapshotCache<ResponseKey, String> entries;

	private final JsonMapper json;

	private final DocumentProviders documents;

	ResponseCache(ResponseCacheProperties properties, JsonMapper json, DocumentProviders documents,
			ObjectProvider<MeterRegistry> registry) {
		this.json = json;
		this.documents = documents;
		this.entries = new SnapshotCache<>(METRICS_NAME, properties.maxSize(),
				(key, data) -> key.weight() + 40 + 2 * data.length(), ResponseKey::snapshotId, registry);
	}

	@Autowired
	void followSnapshots(SnapshotManager snapshots) {
		entries.follow(snapshots);
	}

	/**
	 * The answer to {@code request} on {@code snapshot}: the kept one, or what
	 * {@code execute} answers, kept when it may be.
	 */
	public Mono<ExecutionGraphQlResponse> answer(Snapshot snapshot, ExecutionGraphQlRequest request,
			Function<ExecutionGraphQlRequest, Mono<ExecutionGraphQlResponse>> execute) {
		Optional<ResponseKey> key = entries.enabled() ? keyOf(snapshot, request) : Optional.empty();
		if (key.isEmpty()) {
			return execute.apply(request);
		}
		String data = entries.get(key.get());
		if (data != null) {
			ExecutionResult kept = ExecutionResult.newExecutionResult().data(new RawValue(data)).build();
			return Mono.just(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), kept));
		}
		return execute.apply(request).map(response -> keep(key.get(), response));
	}

	/**
	 * A key for a query of a verified caller; none for a request without one, or for a
	 * mutation or subscription (their answers are never kept).
	 */
	private Optional<ResponseKey> keyOf(Snapshot snapshot, ExecutionGraphQlRequest request) {
		if (!(request instanceof WebGraphQlRequest web)
				|| !(web.getAttributes().get(Caller.CONTEXT_KEY) instanceof Caller caller)) {
			return Optional.empty();
		}
		Map<String, Object> extensions = request.getExtensions();
		String document = request.getDocument();
		Optional<String> text = PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(document)
				? documents.known(extensions) : Optional.of(document);
		if (text.isEmpty() || Operations.isMutationOrSubscription(text.get(), request.getOperationName())) {
			return Optional.empty();
		}
		return Optional.of(new ResponseKey(snapshot.id(), caller, document, request.getOperationName(),
				request.getVariables(), extensions));
	}

	private ExecutionGraphQlResponse keep(ResponseKey key, ExecutionGraphQlResponse response) {
		ExecutionResult result = response.getExecutionResult();
		boolean fromSnapshotOnly = !Boolean.TRUE
			.equals(response.getExecutionInput().getGraphQLContext().get(SchemaContribution.NOT_FROM_SNAPSHOT));
		if (!result.getErrors().isEmpty() || !result.isDataPresent() || result.getData() == null
				|| (result.getExtensions() != null && !result.getExtensions().isEmpty()) || !fromSnapshotOnly) {
			return response;
		}
		String data;
		try {
			data = ResultJson.of(result.getData(), json);
		}
		catch (JacksonException e) {
			return response;
		}
		entries.keep(key, data);
		ExecutionResult written = result.transform(builder -> builder.data(new RawValue(data)));
		return new DefaultExecutionGraphQlResponse(response.getExecutionInput(), written);
	}

	@Override
	public void snapshotPublished(Snapshot current) {
		entries.snapshotPublished(current);
	}

	/** Hits, misses and evictions since start. */
	public CacheStats stats() {
		return entries.stats();
	}

}
