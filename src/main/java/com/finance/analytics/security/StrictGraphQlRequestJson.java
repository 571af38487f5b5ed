package com.finance.analytics.security;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Reads a GraphQL request body's {@code query} and {@code operationName} as JSON strings
 * only. Jackson would quietly turn {@code {"query": 42}} into the document {@code "42"}
 * and {@code "operationName": 5} into {@code "5"}; here such a body is unreadable, which
 * the endpoint answers as a bad request ({@link MalformedGraphQlRequestResolver}). A
 * mix-in on Spring for GraphQL's request class, so no other JSON the application reads is
 * affected.
 */
final class StrictGraphQlRequestJson {

	private StrictGraphQlRequestJson() {
	}

	static JsonMapperBuilderCustomizer customizer() {
		return builder -> builder.addMixIn(SerializableGraphQlRequest.class, RequestMixin.class);
	}

	abstract static class RequestMixin {

		@JsonDeserialize(using = TextOnly.class)
		abstract void setQuery(String query);

		@JsonDeserialize(using = TextOnly.class)
		abstract void setOperationName(String operationName);

	}

	static final class TextOnly extends ValueDeserializer<String> {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.hasToken(JsonToken.VALUE_STRING)) {
				return parser.getString();
			}
			return (String) context.handleUnexpectedToken(String.class, parser);
		}

	}

}
