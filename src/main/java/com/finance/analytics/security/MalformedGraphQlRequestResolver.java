package com.finance.analytics.security;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.finance.analytics.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns Spring for GraphQL's refusals of a request it cannot read (no {@code query}, a
 * {@code query} that is not a string, {@code variables} that are not an object, invalid
 * JSON) into GraphQL-shaped errors with a code, instead of the framework's default error
 * body. The body is parsed once, by Spring for GraphQL itself; this only answers its
 * failure. Other paths and server errors are left to the next resolver.
 */
final class MalformedGraphQlRequestResolver implements HandlerExceptionResolver, Ordered {

	static final String MALFORMED_BODY = "The request body must be a JSON object with a string 'query', an optional "
			+ "string 'operationName' and optional 'variables' and 'extensions' objects";

	private final String graphQlPath;

	private final ErrorResponses errors;

	MalformedGraphQlRequestResolver(String graphQlPath, ErrorResponses errors) {
		this.graphQlPath = graphQlPath;
		this.errors = errors;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception exception) {
		if (!request.getRequestURI().equals(request.getContextPath() + graphQlPath) || response.isCommitted()) {
			return null;
		}
		HttpStatus status;
		String message;
		if (exception instanceof HttpMessageNotReadableException) {
			status = HttpStatus.BAD_REQUEST;
			message = MALFORMED_BODY;
		}
		else if (exception instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
			status = HttpStatus.valueOf(refusal.getStatusCode().value());
			message = status == HttpStatus.BAD_REQUEST ? MALFORMED_BODY : status.getReasonPhrase();
		}
		else {
			return null;
		}
		try {
			errors.write(request, response, status, ErrorCode.BAD_REQUEST, message);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new ModelAndView();
	}

	/** Before Spring's own resolvers, which would answer with the default error body. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
