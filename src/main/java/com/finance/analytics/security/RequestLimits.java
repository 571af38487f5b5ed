package com.finance.analytics.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Abuse limits of one request, bound from {@code analytics.limits.*}. The defaults leave
 * room for every query the generated schema needs (GraphiQL's own introspection query
 * included) and little beyond.
 *
 * @param maxRequestSize largest accepted request body; larger bodies are refused with
 * HTTP 413
 * @param maxDepth deepest field nesting, root fields at depth 1
 * @param maxComplexity most field selections per operation, counted after fragments are
 * expanded
 * @param maxAliases most aliased fields per operation
 * @param maxRootFields most root fields per operation
 * @param maxListSize most items in any list argument (e.g. {@code accountIds}), nested
 * input fields included
 * @param introspection whether {@code __schema} / {@code __type} may be queried
 * @param bodyTimeout how long a request body may take to arrive in full; a slower one is
 * refused with HTTP 408 and its connection closed (each single read also ends after
 * {@code server.tomcat.connection-timeout} without a byte)
 * @param maxConcurrentRequestsPerUser most requests of one user (the verified token's
 * user id) in progress at once; one more is refused with HTTP 429 {@code RATE_LIMITED}
 * and {@code Retry-After}, so one user's heavy dashboard cannot take the statement slots
 * everyone shares (0 = no limit)
 */
@ConfigurationProperties("analytics.limits")
public record RequestLimits(@DefaultValue("64KB") DataSize maxRequestSize, @DefaultValue("15") int maxDepth,
		@DefaultValue("1000") int maxComplexity, @DefaultValue("20") int maxAliases,
		@DefaultValue("10") int maxRootFields, @DefaultValue("100") int maxListSize,
		@DefaultValue("true") boolean introspection, @DefaultValue("10s") Duration bodyTimeout,
		@DefaultValue("4") int maxConcurrentRequestsPerUser) {
}
