package com.finance.analytics.error;

import graphql.ErrorClassification;
import org.springframework.graphql.execution.ErrorType;

/**
 * The stable error codes clients branch on, with everything that follows from a code: its
 * HTTP status, its GraphQL error classification and the message shown when the failure
 * has nothing more specific (and safe) to say. They appear as {@code extensions.code} on
 * GraphQL and as the {@code code} member of REST problem details ({@link #EXTENSION} in
 * both).
 */
public enum ErrorCode {

	BAD_REQUEST(400, ErrorType.BAD_REQUEST, "The request is not valid"),
	UNAUTHENTICATED(401, ErrorType.UNAUTHORIZED, "Authentication is required"),
	FORBIDDEN(403, ErrorType.FORBIDDEN, "Access is denied"), NOT_FOUND(404, ErrorType.NOT_FOUND, "Not found"),
	/**
	 * Apollo's automatic persisted queries: the hash is unknown here, so the client sends
	 * the document with it.
	 */
	PERSISTED_QUERY_NOT_FOUND(404, ErrorType.NOT_FOUND, "PersistedQueryNotFound"),
	/**
	 * The caller has too much in progress at once; {@code Retry-After} says when to try
	 * again.
	 */
	RATE_LIMITED(429, ErrorType.BAD_REQUEST, "Too many requests in progress; try again shortly"),
	TIMEOUT(504, ErrorType.INTERNAL_ERROR, "The query took too long and was cancelled"),
	UNAVAILABLE(503, ErrorType.INTERNAL_ERROR, "Analytics data is not available right now; try again later"),
	/**
	 * Something failed that the caller cannot fix; details are only in the server log.
	 */
	INTERNAL(500, ErrorType.INTERNAL_ERROR, "An internal error occurred");

	/**
	 * The name of the member that carries the code, in GraphQL error extensions and REST
	 * problem details alike.
	 */
	public static final String EXTENSION = "code";

	private final int httpStatus;

	private final ErrorType classification;

	private final String defaultMessage;

	ErrorCode(int httpStatus, ErrorType classification, String defaultMessage) {
		this.httpStatus = httpStatus;
		this.classification = classification;
		this.defaultMessage = defaultMessage;
	}

	public int httpStatus() {
		return httpStatus;
	}

	public ErrorClassification classification() {
		return classification;
	}

	public String defaultMessage() {
		return defaultMessage;
	}

	/** A failure with this code and its default message. */
	public AnalyticsException exception() {
		return new AnalyticsException(this, defaultMessage);
	}

	/**
	 * A failure with this code; {@code message} is shown to the caller, so it must be
	 * safe to show.
	 */
	public AnalyticsException exception(String message) {
		return new AnalyticsException(this, message);
	}

	/**
	 * A failure with this code whose cause is logged by whoever handles it, never shown.
	 */
	public AnalyticsException exception(String message, Throwable cause) {
		return new AnalyticsException(this, message, cause);
	}

	/**
	 * The code of an error raised by graphql-java or Spring for GraphQL itself: a
	 * malformed document, a field or enum value the schema does not have, or an argument
	 * that does not coerce (a bad UUID or date) is the client's mistake.
	 */
	public static ErrorCode of(ErrorClassification classification) {
		if (classification instanceof graphql.ErrorType type) {
			return switch (type) {
				case InvalidSyntax, ValidationError, OperationNotSupported, ExecutionAborted -> BAD_REQUEST;
				case DataFetchingException, NullValueInNonNullableField -> INTERNAL;
			};
		}
		if (classification instanceof ErrorType type) {
			return switch (type) {
				case BAD_REQUEST -> BAD_REQUEST;
				case UNAUTHORIZED -> UNAUTHENTICATED;
				case FORBIDDEN -> FORBIDDEN;
				case NOT_FOUND -> NOT_FOUND;
				case INTERNAL_ERROR -> INTERNAL;
			};
		}
		return INTERNAL;
	}

	/**
	 * The code of a status the web layer answered on its own (routing, content
	 * negotiation, body limits).
	 */
	public static ErrorCode ofHttpStatus(int status) {
		if (status == 408) {
			return TIMEOUT;
		}
		for (ErrorCode code : values()) {
			if (code.httpStatus == status) {
				return code;
			}
		}
		return status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL;
	}

}
