package com.finance.analytics.rest;

import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.CodedErrors;
import com.finance.analytics.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure of a REST endpoint as a problem detail with a stable code: an
 * {@link AnalyticsException} keeps its safe message, Spring MVC's own refusals keep
 * theirs, and anything else is logged and answered without its text.
 */
@RestControllerAdvice(basePackageClasses = AnalyticsRestController.class)
class RestExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger LOG = LoggerFactory.getLogger(RestExceptionHandler.class);

	@ExceptionHandler(AnalyticsException.class)
	ResponseEntity<ProblemDetail> analytics(AnalyticsException exception) {
		if (exception.code() == ErrorCode.INTERNAL) {
			LOG.error("Internal failure behind a REST call", exception);
		}
		return Problems.of(exception.code(), exception.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception exception) {
		LOG.error("Unexpected failure in a REST call", exception);
		return Problems.of(ErrorCode.INTERNAL, ErrorCode.INTERNAL.defaultMessage());
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			CodedErrors.withCode(problem, ErrorCode.ofHttpStatus(status.value()));
			headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		return super.handleExceptionInternal(exception, body, headers, status, request);
	}

}
