package com.finance.analytics.rest;

import com.finance.analytics.error.CodedErrors;
import com.finance.analytics.error.ErrorCode;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests under {@code /api/} that reach no endpoint (unknown path, wrong method,
 * unparseable multipart) fail before any REST controller is chosen, so the
 * controller-scoped handler never sees them; they get problem details here. Elsewhere
 * (GraphQL, GraphiQL, actuator) the exception is rethrown to Spring's default handling.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRoutingProblems {

	private static final String API_PREFIX = "/api/";

	@ExceptionHandler({ NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class })
	ResponseEntity<ProblemDetail> unrouted(Exception exception, HttpServletRequest request) throws Exception {
		requireApi(exception, request);
		ErrorResponse error = (ErrorResponse) exception;
		HttpStatusCode status = error.getStatusCode();
		return ResponseEntity.status(status)
			.headers(error.getHeaders())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(CodedErrors.problem(status, ErrorCode.ofHttpStatus(status.value()), error.getBody().getDetail()));
	}

	/**
	 * No endpoint takes a body, so a multipart body Spring cannot even split (no
	 * boundary) is the client's error.
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException exception, HttpServletRequest request)
			throws Exception {
		requireApi(exception, request);
		return Problems.of(ErrorCode.BAD_REQUEST, "Malformed multipart request body");
	}

	private static void requireApi(Exception exception, HttpServletRequest request) throws Exception {
		if (!request.getRequestURI().startsWith(request.getContextPath() + API_PREFIX)) {
			throw exception;
		}
	}

}
