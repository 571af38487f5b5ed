package com.finance.analytics.http;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The routes Spring for GraphQL's POST endpoint lacks: GET and OPTIONS on
 * {@code /graphql}, and the offline GraphiQL page at {@code /graphiql} (its assets are
 * static resources under {@code /graphiql/}, built from npm packages by
 * {@code make graphiql}, never fetched from a CDN). Ordered first, ahead of Spring's own
 * GraphQL routes.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlHttpRoutes {

	static final String GRAPHIQL_PAGE = "static/graphiql/index.html";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlGetRoutes(GraphQlGetHandler handler) {
		Resource page = new ClassPathResource(GRAPHIQL_PAGE);
		return RouterFunctions.route()
			.GET("/graphql", handler::get)
			.OPTIONS("/graphql", handler::options)
			.GET("/graphiql",
					request -> page.exists() ? ServerResponse.ok().contentType(MediaType.TEXT_HTML).body(page)
							: ServerResponse.status(HttpStatus.NOT_FOUND)
								.contentType(MediaType.TEXT_PLAIN)
								.body("GraphiQL is not part of this build: run `make graphiql`, then rebuild."))
			.build();
	}

}
