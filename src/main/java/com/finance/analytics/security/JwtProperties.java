package com.finance.analytics.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bearer tokens are verified. Bound from {@code analytics.jwt.*}; the prefix is
 * chosen so that the environment variable {@code ANALYTICS_JWT_SECRET} binds to
 * {@link #secret()} without any extra mapping.
 *
 * @param secret HS256 shared secret (at least 32 bytes); empty disables HS256
 * @param algorithms the only signature algorithms accepted (allow-list); anything else,
 * {@code none} included, is refused
 * @param clockSkew tolerance applied to {@code exp}, {@code nbf} and {@code iat}
 * @param issuer when set, {@code iss} must equal it
 * @param audience when set, {@code aud} must contain it
 * @param userIdClaim the claim holding the user id (a UUID)
 * @param jwksUrl when set, RS256/ES256 keys are fetched from this JWKS document
 * @param jwksCacheTtl how long fetched keys are trusted before a refresh
 * @param jwksTimeout connect and read timeout of a JWKS fetch
 * @param maxLifetime longest accepted token lifetime: a token whose {@code exp} lies
 * further than this after its {@code iat}, or after now, is refused, so a leaked
 * long-lived token stops working
 */
@ConfigurationProperties("analytics.jwt")
public record JwtProperties(@DefaultValue("") String secret, @DefaultValue( {
		"HS256", "RS256", "ES256" }) List<String> algorithms, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue("") String issuer, @DefaultValue("") String audience, @DefaultValue("sub") String userIdClaim,
		URI jwksUrl, @DefaultValue("5m") Duration jwksCacheTtl, @DefaultValue("2s") Duration jwksTimeout,
		@DefaultValue("24h") Duration maxLifetime){
}
