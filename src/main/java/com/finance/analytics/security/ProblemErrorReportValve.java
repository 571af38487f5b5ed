package com.finance.analytics.security;

import java.io.IOException;

import com.finance.analytics.error.ErrorCode;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Answers the errors Tomcat raises before any servlet runs (a path with {@code %00} or
 * {@code %2F}, a request line or header beyond the limits, an unknown path) with the
 * gateway's error bodies ({@link ErrorResponses}: a problem detail under {@code /api/},
 * GraphQL-shaped elsewhere) instead of Tomcat's HTML page, which also names the server
 * version.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

	private final ErrorResponses errors;

	ProblemErrorReportValve(ErrorResponses errors) {
		this.errors = errors;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		// the same guard as Tomcat's own page: only an error nobody has answered yet, and
		// only once
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		HttpStatus shown = known == null ? HttpStatus.BAD_REQUEST : known;
		try {
			response.resetBuffer();
			errors.write(request, response, shown, ErrorCode.ofHttpStatus(shown.value()), messageOf(shown));
			response.finishResponse();
		}
		catch (IOException | IllegalStateException e) {
			// the client is gone or the response was committed after all: nothing more to
			// say
		}
	}

	private static String messageOf(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "The request could not be read: its URL, query string or headers are malformed";
			case NOT_FOUND -> "Nothing is served at this path";
			case METHOD_NOT_ALLOWED -> "This method is not allowed at this path";
			case URI_TOO_LONG -> "The URL is too long";
			case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request headers are too large";
			case REQUEST_TIMEOUT -> "The request did not arrive in time";
			default -> status.is4xxClientError() ? status.getReasonPhrase() : "An internal error occurred";
		};
	}

}
