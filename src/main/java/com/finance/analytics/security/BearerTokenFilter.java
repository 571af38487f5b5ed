package com.finance.analytics.security;

import java.io.IOException;
import java.util.Enumeration;

import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a data request through only with a valid {@code Authorization: Bearer} token,
 * storing the verified {@link Caller} as the request attribute
 * {@link Caller#CONTEXT_KEY}; anything else ends here with HTTP 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String SCHEME = "Bearer ";

	private static final int MAX_TOKEN_LENGTH = 8 * 1024;

	private final JwtVerifier verifier;

	private final ErrorResponses errors;

	BearerTokenFilter(JwtVerifier verifier, ErrorResponses errors) {
		this.verifier = verifier;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (HttpMethod.OPTIONS.matches(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		if (hasSeveralAuthorizationHeaders(request)) {
			// which one would count is up to each proxy on the way: refuse the ambiguity
			// instead of picking one
			errors.write(request, response, HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
					"Send exactly one Authorization header");
			return;
		}
		try {
			request.setAttribute(Caller.CONTEXT_KEY, verifier.verify(bearerToken(request)));
		}
		catch (AnalyticsException refused) {
			errors.write(request, response, HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, refused.getMessage());
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean hasSeveralAuthorizationHeaders(HttpServletRequest request) {
		Enumeration<String> headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
		if (headers == null || !headers.hasMoreElements()) {
			return false;
		}
		headers.nextElement();
		return headers.hasMoreElements();
	}

	private static String bearerToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.isBlank()) {
			throw JwtVerifier.unauthenticated("Missing bearer token");
		}
		if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			throw JwtVerifier.unauthenticated("Authorization header must use the Bearer scheme");
		}
		String token = header.substring(SCHEME.length()).trim();
		if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			throw JwtVerifier.unauthenticated("Invalid token");
		}
		return token;
	}

}
