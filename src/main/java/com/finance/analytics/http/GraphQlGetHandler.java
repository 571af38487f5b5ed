package com.finance.analytics.http;

import com.finance.analytics.documents.DocumentHashes;
import com.finance.analytics.documents.DocumentProviders;
import com.finance.analytics.documents.Operations;
import com.finance.analytics.error.CodedErrors;
import com.finance.analytics.error.ErrorCode;
import com.finance.analytics.schema.SchemaContribution;
import com.finance.analytics.security.Callers;
import com.finance.analytics.snapshot.SnapshotManager;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP GET, as the GraphQL-over-HTTP spec has it: {@code query},
 * {@code variables}, {@code operationName} and {@code extensions} as URL parameters,
 * through the same handler chain (and so the same caller scoping, limits and error codes)
 * as POST. Only queries: a mutation is refused with 405 and {@code Allow: POST}. An
 * error-free answer derived only from the snapshot carries an {@code ETag} over
 * everything it depends on (snapshot, caller, document, variables) and
 * {@code Cache-Control: private, no-cache}; {@code If-None-Match} with that tag is a 304,
 * without running anything.
 */
@Component
class GraphQlGetHandler {

	private static final MediaType GRAPHQL_RESPONSE = MediaType.APPLICATION_GRAPHQL_RESPONSE;

	private static final List<String> PARAMETERS = List.of("query", "operationName", "variables", "extensions");

	private static final CacheControl PRIVATE = CacheControl.noCache().cachePrivate();

	private final WebGraphQlHandler graphQl;

	private final SnapshotManager snapshots;

	private final DocumentProviders documents;

	private final JsonMapper json;

	GraphQlGetHandler(WebGraphQlHandler graphQl, SnapshotManager snapshots, DocumentProviders documents,
			JsonMapper json) {
		this.graphQl = graphQl;
		this.snapshots = snapshots;
		this.documents = documents;
		this.json = json;
	}

	ServerResponse get(ServerRequest request) {
		MediaType mediaType = responseMediaType(request);
		Map<String, Object> body;
		try {
			body = body(request.params());
		}
		catch (IllegalArgumentException refused) {
			return refusal(HttpStatus.BAD_REQUEST, mediaType, refused.getMessage());
		}
		@SuppressWarnings("unchecked")
		Optional<String> document = Optional.ofNullable((String) body.get("query"))
			.or(() -> documents.known((Map<String, Object>) body.get("extensions")));
		if (document.isPresent()
				&& Operations.isMutationOrSubscription(document.get(), (String) body.get("operationName"))) {
			return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
				.header(HttpHeaders.ALLOW, "POST")
				.contentType(mediaType)
				.body(CodedErrors.graphQlBody(ErrorCode.BAD_REQUEST, "A mutation must be sent with POST"));
		}
		Optional<String> snapshotId = snapshots.current().map(snapshot -> snapshot.info().id());
		String tag = ResponseTags.of(snapshotId.orElse(""), Callers.require(request.servletRequest()).userId(),
				mediaType, PARAMETERS.stream().map(name -> request.params().getFirst(name)).toList());
		if (request.headers().header(HttpHeaders.IF_NONE_MATCH).stream().anyMatch(ResponseTags.matcher(tag))) {
			return ServerResponse.status(HttpStatus.NOT_MODIFIED)
				.eTag(tag)
				.cacheControl(PRIVATE)
				.varyBy(HttpHeaders.AUTHORIZATION)
				.build();
		}
		CompletableFuture<ServerResponse> answer = graphQl.handleRequest(webRequest(request, body))
			.map(response -> answer(response, mediaType, cacheable(response, snapshotId) ? tag : null))
			.toFuture();
		return ServerResponse.async(answer);
	}

	/** Plain OPTIONS (a CORS preflight never gets here: the CORS filter answers it). */
	ServerResponse options(ServerRequest request) {
		return ServerResponse.noContent().allow(HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS).build();
	}

	private Map<String, Object> body(MultiValueMap<String, String> parameters) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (String name : PARAMETERS) {
			List<String> values = parameters.getOrDefault(name, List.of());
			if (values.size() > 1) {
				throw new IllegalArgumentException("The URL parameter " + name + " may be given only once");
			}
			if (!values.isEmpty()) {
				body.put(name, name.equals("variables") || name.equals("extensions")
						? jsonObject(name, values.getFirst()) : values.getFirst());
			}
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> extensions = (Map<String, Object>) body.get("extensions");
		if (!body.containsKey("query") && DocumentHashes.requested(extensions).isEmpty()) {
			throw new IllegalArgumentException(
					"A GET request needs a query URL parameter " + "(or extensions with a persistedQuery hash)");
		}
		return body;
	}

	private Map<String, Object> jsonObject(String name, String text) {
		try {
			Object value = json.readValue(text, Object.class);
			if (value instanceof Map<?, ?> map) {
				@SuppressWarnings("unchecked")
				Map<String, Object> object = (Map<String, Object>) map;
				return object;
			}
		}
		catch (JacksonException e) {
			// answered below, like any other value that is not a JSON object
		}
		throw new IllegalArgumentException("The URL parameter " + name + " must be a JSON object");
	}

	private static boolean cacheable(WebGraphQlResponse response, Optional<String> snapshotId) {
		return response.getErrors().isEmpty() && snapshotId.isPresent() && !Boolean.TRUE
			.equals(response.getExecutionInput().getGraphQLContext().get(SchemaContribution.NOT_FROM_SNAPSHOT));
	}

	private ServerResponse answer(WebGraphQlResponse response, MediaType mediaType, String tag) {
		boolean requestError = response.getData() == null && !response.getErrors().isEmpty();
		ServerResponse.BodyBuilder builder = ServerResponse
			.status(requestError && mediaType.equals(GRAPHQL_RESPONSE) ? HttpStatus.BAD_REQUEST : HttpStatus.OK)
			.contentType(mediaType)
			.headers(headers -> headers.putAll(response.getResponseHeaders()));
		if (tag != null) {
			builder.eTag(tag).cacheControl(PRIVATE).varyBy(HttpHeaders.AUTHORIZATION);
		}
		else {
			builder.cacheControl(CacheControl.noStore());
		}
		return builder.body(response.toMap());
	}

	private ServerResponse refusal(HttpStatus status, MediaType mediaType, String message) {
		return ServerResponse.status(status)
			.contentType(mediaType)
			.body(CodedErrors.graphQlBody(ErrorCode.BAD_REQUEST, message));
	}

	private static WebGraphQlRequest webRequest(ServerRequest request, Map<String, Object> body) {
		Map<String, Object> complete = new LinkedHashMap<>(body);
		// A hash-only request: the document provider reads the hash; Spring needs some
		// query text, as on POST.
		complete.putIfAbsent("query", PersistedQuerySupport.PERSISTED_QUERY_MARKER);
		MultiValueMap<String, HttpCookie> cookies = new LinkedMultiValueMap<>();
		return new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(), cookies,
				request.remoteAddress().orElse(null), request.attributes(), complete, UUID.randomUUID().toString(),
				request.servletRequest().getLocale());
	}

	private static MediaType responseMediaType(ServerRequest request) {
		try {
			for (MediaType accepted : request.headers().accept()) {
				if (accepted.equalsTypeAndSubtype(GRAPHQL_RESPONSE)) {
					return GRAPHQL_RESPONSE;
				}
				if (accepted.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
					return MediaType.APPLICATION_JSON;
				}
			}
		}
		catch (org.springframework.http.InvalidMediaTypeException e) {
			// an unreadable Accept header gets the default, as on POST
		}
		return MediaType.APPLICATION_JSON;
	}

}
