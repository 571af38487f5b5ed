package com.finance.analytics.http;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser origins allowed to call the APIs ({@code analytics.cors.*}). Empty (the default
 * outside {@code make run}): no cross-origin access. Credentials are bearer tokens in a
 * header, never cookies, so none are allowed.
 *
 * @param allowedOrigins exact origins such as {@code http://localhost:3000}, or patterns
 * such as {@code https://*.example.com}
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("analytics.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("30m") Duration maxAge) {
}
