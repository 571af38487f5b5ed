package com.finance.analytics.schema;

import com.finance.analytics.documents.DocumentProviders;
import com.finance.analytics.documents.Operations;
import com.finance.analytics.security.Caller;
import com.finance.analytics.snapshot.Snapshot;
import com.finance.analytics.snapshot.SnapshotListener;
import com.finance.analytics.snapshot.SnapshotManager;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import graphql.ExecutionResult;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

	private static final Logger LOG = LoggerFactory.getLogger(ResponseCache.class);

	private final Cache<ResponseKey, String> entries;

	private final boolean enabled;

	private final JsonMapper json;

	private final DocumentProviders documents;

	/** The snapshot being served: only its answers are kept. */
	private volatile String servedId;

	ResponseCache(ResponseCacheProperties properties, JsonMapper json, DocumentProviders documents,
			ObjectProvider<MeterRegistry> registry) {
		this.json = json;
		this.documents = documents;
		this.enabled = properties.maxSize().toBytes() > 0;
		this.entries = Caffeine.newBuilder()
			.maximumWeight(Math.max(0, properties.maxSize().toBytes()))
			.<ResponseKey, String>weigher((key, data) -> key.weight() + 40 + 2 * data.length())
			.recordStats()
			.build();
		registry.ifAvailable(meters -> CaffeineCacheMetrics.monitor(meters, entries, METRICS_NAME));
	}

	@Autowired
	void followSnapshots(SnapshotManager snapshots) {
		snapshots.current().ifPresent(this::snapshotPublished);
		snapshots.addListener(this);
	}

	/**
	 * The answer to {@code request} on {@code snapshot}: the kept one, or what
	 * {@code execute} answers, kept when it may be.
	 */
	public Mono<ExecutionGraphQlResponse> answer(Snapshot snapshot, ExecutionGraphQlRequest request,
			Function<ExecutionGraphQlRequest, Mono<ExecutionGraphQlResponse>> execute) {
		Optional<ResponseKey> key = enabled ? keyOf(snapshot, request) : Optional.empty();
		if (key.isEmpty()) {
			return execute.apply(request);
		}
		String data = entries.getIfPresent(key.get());
		if (data != null) {
			ExecutionResult kept = ExecutionResult.newExecutionResult().data(new RawValue(data)).build();
			return Mono.just(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), kept));
		}
		return execute.apply(request).map(response -> keep(snapshot, key.get(), response));
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

	private ExecutionGraphQlResponse keep(Snapshot snapshot, ResponseKey key, ExecutionGraphQlResponse response) {
		ExecutionResult result = response.getExecutionResult();
		boolean fromSnapshotOnly = !Boolean.TRUE
			.equals(response.getExecutionInput().getGraphQLContext().get(SchemaContribution.NOT_FROM_SNAPSHOT));
		// A request still reading a retired snapshot must not leave its answer behind the
		// swap's clean-up.
		if (!result.getErrors().isEmpty() || !result.isDataPresent() || result.getData() == null
				|| (result.getExtensions() != null && !result.getExtensions().isEmpty()) || !fromSnapshotOnly
				|| !snapshot.id().equals(servedId)) {
			return response;
		}
		String data;
		try {
			data = ResultJson.of(result.getData(), json);
		}
		catch (JacksonException e) {
			return response;
		}
		entries.put(key, data);
		ExecutionResult written = result.transform(builder -> builder.data(new RawValue(data)));
		return new DefaultExecutionGraphQlResponse(response.getExecutionInput(), written);
	}

	@Override
	public void snapshotPublished(Snapshot current) {
		servedId = current.id();
		long before = entries.estimatedSize();
		entries.asMap().keySet().removeIf(key -> !key.snapshotId().equals(current.id()));
		LOG.info("Response cache: dropped {} answers of older snapshots on the swap to {} (hit ratio so far {})",
				before - entries.estimatedSize(), current.id(), String.format("%.3f", entries.stats().hitRate()));
	}

	/** Hits, misses and evictions since start. */
	public CacheStats stats() {
		return entries.stats();
	}

}
