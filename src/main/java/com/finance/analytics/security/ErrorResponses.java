package com.finance.analytics.security;

import java.io.IOException;
import com.finance.analytics.error.CodedErrors;
import com.finance.analytics.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the refusals of the HTTP filters, before any controller runs: a GraphQL-shaped
 * body on {@code /graphql} (so GraphQL clients find {@code errors[0].extensions.code})
 * and a problem detail with a {@code code} property on REST paths. A refused request that
 * carries a body gets {@code Connection: close}: the body is of no use, and reading the
 * rest of it to keep the connection alive would let a slow client hold the request as
 * long as it trickles.
 */
final class ErrorResponses {

	private final JsonMapper json;

	ErrorResponses(JsonMapper json) {
		this.json = json;
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, ErrorCode code,
			String message) throws IOException {
		response.setStatus(status.value());
		if (request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
			response.setHeader(HttpHeaders.CONNECTION, "close");
		}
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		Object body;
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			body = members(CodedErrors.problem(status, code, message));
		}
		else {
			response.setContentType(graphQlMediaType(request));
			body = CodedErrors.graphQlBody(code, message);
		}
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), body);
	}

	/**
	 * The GraphQL-over-HTTP media type when the client accepts it (Apollo 4 sends it and
	 * reads only such bodies), else plain JSON.
	 */
	private static String graphQlMediaType(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains(MediaType.APPLICATION_GRAPHQL_RESPONSE_VALUE)
				? MediaType.APPLICATION_GRAPHQL_RESPONSE_VALUE : MediaType.APPLICATION_JSON_VALUE;
	}

	/**
	 * A problem's members, flat as RFC 9457 has them (Spring MVC's own converters do this
	 * for its answers).
	 */
	private static Map<String, Object> members(ProblemDetail problem) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("type", problem.getType().toString());
		members.put("title", problem.getTitle());
		members.put("status", problem.getStatus());
		members.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			members.putAll(problem.getProperties());
		}
		return members;
	}

}
