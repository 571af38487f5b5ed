package com.finance.analytics.security;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.finance.analytics.error.ErrorCode;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-user fairness: DuckDB runs a few statements at once for everybody, so one user's
 * many heavy requests would queue every other user's behind them. A user with
 * {@code analytics.limits.max-concurrent-requests-per-user} requests in progress gets
 * HTTP 429 {@code RATE_LIMITED} with {@code Retry-After} for one more, at once, instead
 * of a place in the shared queue. Keyed by the verified user id, so it runs after
 * {@link BearerTokenFilter}.
 */
class UserConcurrencyFilter extends OncePerRequestFilter {

	private static final String RETRY_AFTER_SECONDS = "1";

	private final UserConcurrencyLimit limit;

	private final ErrorResponses errors;

	UserConcurrencyFilter(UserConcurrencyLimit limit, ErrorResponses errors) {
		this.limit = limit;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(request.getAttribute(Caller.CONTEXT_KEY) instanceof Caller caller) || limit.limit() <= 0) {
			chain.doFilter(request, response);
			return;
		}
		UUID user = caller.userId();
		if (!limit.tryEnter(user)) {
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			errors.write(request, response, HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED,
					"You have " + limit.limit() + " requests in progress, the most one user may have at once; "
							+ "retry when one has finished");
			return;
		}
		Release release = new Release(user);
		try {
			chain.doFilter(request, response);
		}
		finally {
			// a GraphQL response is written asynchronously: the request is in progress
			// until the async cycle ends
			if (request.isAsyncStarted()) {
				request.getAsyncContext().addListener(release);
			}
			else {
				release.run();
			}
		}
	}

	/** Frees the user's place exactly once, however the request ends. */
	private final class Release implements AsyncListener {

		private final UUID user;

		private final AtomicBoolean done = new AtomicBoolean();

		Release(UUID user) {
			this.user = user;
		}

		void run() {
			if (done.compareAndSet(false, true)) {
				limit.leave(user);
			}
		}

		@Override
		public void onComplete(AsyncEvent event) {
			run();
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			run();
		}

		@Override
		public void onError(AsyncEvent event) {
			run();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

}
