package com.finance.analytics.rest;

import com.finance.analytics.error.CodedErrors;
import com.finance.analytics.error.ErrorCode;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * REST answers of a coded failure: an RFC 9457 problem detail
 * ({@link CodedErrors#problem}) with the code's status.
 */
final class Problems {

	private Problems() {
	}

	static ResponseEntity<ProblemDetail> of(ErrorCode code, String detail) {
		HttpStatusCode status = HttpStatusCode.valueOf(code.httpStatus());
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(CodedErrors.problem(status, code, detail));
	}

}
