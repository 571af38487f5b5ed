package com.finance.analytics.observability;

import com.finance.analytics.error.ErrorCode;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Times each request to {@code /graphql} and {@code /api/**} from before the token check
 * to the last byte of its response (a GraphQL response is written asynchronously, so
 * until its async cycle completes), and records it once in {@link RequestMeters}. Ahead
 * of every other filter, so refusals (401, 413, 429) are counted too, under the code of
 * their status. CORS preflights are not counted: they carry no operation.
 */
class RequestMetricsFilter extends OncePerRequestFilter {

	private final RequestMeters meters;

	private final String graphQlPath;

	RequestMetricsFilter(RequestMeters meters, String graphQlPath) {
		this.meters = meters;
		this.graphQlPath = graphQlPath;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (HttpMethod.OPTIONS.matches(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		long start = System.nanoTime();
		GraphQlOperation graphQl = null;
		if (request.getRequestURI().startsWith(graphQlPath)) {
			graphQl = new GraphQlOperation();
			request.setAttribute(GraphQlOperation.ATTRIBUTE, graphQl);
		}
		boolean thrown = true;
		try {
			chain.doFilter(request, response);
			thrown = false;
		}
		finally {
			if (!thrown && request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new RecordOnCompletion(request, response, start, graphQl));
			}
			else {
				record(request, response, start, graphQl, thrown);
			}
		}
	}

	private void record(HttpServletRequest request, HttpServletResponse response, long start, GraphQlOperation graphQl,
			boolean thrown) {
		String byStatus = thrown ? ErrorCode.INTERNAL.name() : Outcomes.ofHttpStatus(response.getStatus());
		if (graphQl == null) {
			meters.record(RequestMeters.REST, restOperation(request), byStatus, System.nanoTime() - start);
		}
		else if (graphQl.outcome() == null) {
			meters.record(RequestMeters.GRAPHQL, RequestMeters.UNKNOWN, byStatus, System.nanoTime() - start);
		}
		else {
			meters.record(RequestMeters.GRAPHQL, meters.graphQlOperation(graphQl.name(), graphQl.executed()),
					graphQl.outcome(), System.nanoTime() - start);
		}
	}

	/** The route template that served it (bounded by the routes), never the raw path. */
	private static String restOperation(HttpServletRequest request) {
		return request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern ? pattern
				: RequestMeters.UNKNOWN;
	}

	/** Records the request once its asynchronously written response is complete. */
	private final class RecordOnCompletion implements AsyncListener {

		private final HttpServletRequest request;

		private final HttpServletResponse response;

		private final long start;

		private final GraphQlOperation graphQl;

		RecordOnCompletion(HttpServletRequest request, HttpServletResponse response, long start,
				GraphQlOperation graphQl) {
			this.request = request;
			this.response = response;
			this.start = start;
			this.graphQl = graphQl;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			record(request, response, start, graphQl, false);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			// completed next, with the status the timeout set
		}

		@Override
		public void onError(AsyncEvent event) {
			// completed next, with the status the error set
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

}
