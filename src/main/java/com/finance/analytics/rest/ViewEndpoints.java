package com.finance.analytics.rest;

import com.finance.analytics.security.Callers;
import com.finance.analytics.security.RequestLimits;
import com.finance.analytics.view.ConvenienceView;
import com.finance.analytics.view.ViewArgument;
import com.finance.analytics.view.ViewArguments;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Serves every {@link ConvenienceView} at {@code GET /api/analytics/<its path>},
 * registered from the view beans at start-up, so a new view needs no endpoint of its own.
 * Its OpenAPI description comes from the same declaration ({@link OpenApiConfiguration}).
 */
@Component
class ViewEndpoints implements SmartInitializingSingleton {

	static final String PREFIX = "/api/analytics/";

	private final List<ConvenienceView> views;

	private final RequestMappingHandlerMapping mapping;

	private final LeasedSnapshots snapshots;

	private final int maxListSize;

	ViewEndpoints(List<ConvenienceView> views,
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping, LeasedSnapshots snapshots,
			RequestLimits limits) {
		this.views = views;
		this.mapping = mapping;
		this.snapshots = snapshots;
		this.maxListSize = limits.maxListSize();
	}

	@Override
	public void afterSingletonsInstantiated() {
		Method rows = ReflectionUtils.findMethod(Endpoint.class, "rows", HttpServletRequest.class);
		for (ConvenienceView view : views) {
			RequestMappingInfo info = RequestMappingInfo.paths(PREFIX + view.restPath())
				.methods(RequestMethod.GET)
				.produces(MediaType.APPLICATION_JSON_VALUE)
				.options(mapping.getBuilderConfiguration())
				.build();
			mapping.registerMapping(info, new Endpoint(view), rows);
		}
	}

	/**
	 * The endpoint of one view: its parameters read strictly, its rows on the leased
	 * snapshot.
	 */
	final class Endpoint {

		private final ConvenienceView view;

		private final Set<String> accepted;

		Endpoint(ConvenienceView view) {
			this.view = view;
			this.accepted = view.arguments().stream().map(ViewArgument::restName).collect(Collectors.toSet());
		}

		@ResponseBody
		ViewRowsBody rows(HttpServletRequest request) {
			QueryParameters parameters = QueryParameters.of(request, accepted, maxListSize);
			QueryParameters.DateRange range = parameters.dateRange(true);
			ViewArguments values = new ViewArguments(range.start(), range.end(),
					parameters.ids(ViewArgument.ACCOUNT_IDS.restName()),
					parameters.ids(ViewArgument.TAG_IDS.restName()));
			return snapshots.apply(snapshot -> new ViewRowsBody(view.rows(snapshot, Callers.require(request), values)));
		}

	}

}
