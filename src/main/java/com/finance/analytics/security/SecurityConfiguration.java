package com.finance.analytics.security;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires authentication and abuse limits: the token check, the body size and time limits
 * and the per-user limit on requests in progress guard {@code /graphql} and
 * {@code /api/**} (GraphiQL's page and health stay open), the interceptor passes the
 * caller on, and the instrumentation bean is picked up by every GraphQL engine built from
 * the context. GraphQL request bodies are read strictly, and those Spring for GraphQL
 * cannot read are refused with a GraphQL-shaped error.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/** The GraphQL endpoint of the shared contract ({@code spring.graphql.http.path}). */
	static final String GRAPHQL_PATH = "/graphql";
	static final String[] PROTECTED_PATHS = { GRAPHQL_PATH, GRAPHQL_PATH + "/*", "/api/*" };

	@Bean
	JwtVerifier jwtVerifier(JwtProperties properties) {
		return new JwtVerifier(properties);
	}

	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(JwtVerifier verifier, JsonMapper json) {
		var registration = new FilterRegistrationBean<>(new BearerTokenFilter(verifier, new ErrorResponses(json)));
		registration.addUrlPatterns(PROTECTED_PATHS);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(RequestLimits limits, JsonMapper json) {
		var filter = new RequestBodyFilter(limits.maxRequestSize().toBytes(), limits.bodyTimeout(), GRAPHQL_PATH,
				new ErrorResponses(json));
		var registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns(PROTECTED_PATHS);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
		return registration;
	}

	@Bean
	FilterRegistrationBean<UserConcurrencyFilter> userConcurrencyFilter(RequestLimits limits, JsonMapper json) {
		var filter = new UserConcurrencyFilter(new UserConcurrencyLimit(limits.maxConcurrentRequestsPerUser()),
				new ErrorResponses(json));
		var registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns(PROTECTED_PATHS);
		// before the body is read: a client still sending holds a request thread, so one
		// user's trickling bodies hold at most this many of them
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
		return registration;
	}

	/**
	 * Spring Boot's Tomcat factory, but with {@link ProblemErrorReportValve} in place of
	 * Tomcat's HTML error page (the host adds its default one only when no valve of the
	 * configured class is there yet).
	 */
	@Bean
	TomcatServletWebServerFactory tomcatServletWebServerFactory(JsonMapper json,
			ObjectProvider<TomcatConnectorCustomizer> connectorCustomizers,
			ObjectProvider<TomcatContextCustomizer> contextCustomizers,
			ObjectProvider<TomcatProtocolHandlerCustomizer<?>> protocolHandlerCustomizers) {
		ErrorResponses errors = new ErrorResponses(json);
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory() {
			@Override
			protected TomcatWebServer getTomcatWebServer(Tomcat tomcat) {
				StandardHost host = (StandardHost) tomcat.getHost();
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				host.getPipeline().addValve(new ProblemErrorReportValve(errors));
				return super.getTomcatWebServer(tomcat);
			}
		};
		factory.addConnectorCustomizers(connectorCustomizers.orderedStream().toArray(TomcatConnectorCustomizer[]::new));
		factory.addContextCustomizers(contextCustomizers.orderedStream().toArray(TomcatContextCustomizer[]::new));
		factory.addProtocolHandlerCustomizers(
				protocolHandlerCustomizers.orderedStream().toArray(TomcatProtocolHandlerCustomizer<?>[]::new));
		return factory;
	}

	@Bean
	JsonMapperBuilderCustomizer strictGraphQlRequestJson() {
		return StrictGraphQlRequestJson.customizer();
	}

	@Bean
	MalformedGraphQlRequestResolver malformedGraphQlRequestResolver(JsonMapper json) {
		return new MalformedGraphQlRequestResolver(GRAPHQL_PATH, new ErrorResponses(json));
	}

	@Bean
	WebGraphQlInterceptor callerContextInterceptor(RequestLimits limits) {
		return new CallerContextInterceptor(limits.introspection());
	}

	@Bean
	RequestLimitsInstrumentation requestLimitsInstrumentation(RequestLimits limits) {
		return new RequestLimitsInstrumentation(limits);
	}

}
