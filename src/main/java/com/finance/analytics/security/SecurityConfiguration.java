package com.finance.analytics.security;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires authentication and abuse limits: the token check, the body size and time limits and the per-user limit on
 * requests in progress guard {@code /graphql} and {@code /api/**} (GraphiQL's page and health stay open), the interceptor passes the caller on, and the
 * instrumentation bean is picked up by every GraphQL engine built from the context. GraphQL request bodies are read
 * strictly, and those Spring for GraphQL cannot read are refused with a GraphQL-shaped error.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The GraphQL endpoint of the shared contract ({@code spring.graphql.http.path}). */
    static final String GRAPHQL_PATH = "/graphql";
    static final String[] PROTECTED_PATHS = {GRAPHQL_PATH, GRAPHQL_PATH + "/*", "/api/*"};

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
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    @Bean
    FilterRegistrationBean<UserConcurrencyFilter> userConcurrencyFilter(RequestLimits limits, JsonMapper json) {
        var filter = new UserConcurrencyFilter(new UserConcurrencyLimit(limits.maxConcurrentRequestsPerUser()),
                new ErrorResponses(json));
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(PROTECTED_PATHS);
        // after the body is read: a user's places count the work, not a client still sending
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
        return registration;
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
