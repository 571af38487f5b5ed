package com.finance.analytics.security;

import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

/**
 * Where the verification key of a token comes from, per algorithm family: HS256 only from
 * the configured secret, RS256/ES256 only from the configured JWKS. Routing on the family
 * keeps key confusion impossible: an HS256 token is never checked against a public key
 * and an RS256 token never against the secret.
 */
final class SignatureKeys {

	static final Set<JWSAlgorithm> SUPPORTED = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.RS256, JWSAlgorithm.ES256);

	private static final int JWKS_MAX_BYTES = 64 * 1024;

	private SignatureKeys() {
	}

	static JWSKeySelector<SecurityContext> selectorFor(JwtProperties properties, Set<JWSAlgorithm> allowed) {
		JWSKeySelector<SecurityContext> hmac = hmacSelector(properties.secret(), allowed);
		JWSKeySelector<SecurityContext> remote = remoteSelector(properties, allowed);
		if (hmac == null && remote == null) {
			throw new InvalidTokenConfigurationException("No token verification key configured",
					"Set ANALYTICS_JWT_SECRET (at least " + JwtVerifier.MIN_SECRET_BYTES + " bytes) or"
							+ " analytics.jwt.jwks-url, and allow a matching algorithm in analytics.jwt.algorithms."
							+ " For a local run, `make run` creates a demo secret.");
		}
		return (JWSHeader header, SecurityContext context) -> {
			JWSKeySelector<SecurityContext> family = JWSAlgorithm.Family.HMAC_SHA.contains(header.getAlgorithm()) ? hmac
					: remote;
			return family == null ? List.of() : family.selectJWSKeys(header, context);
		};
	}

	private static JWSKeySelector<SecurityContext> hmacSelector(String secret, Set<JWSAlgorithm> allowed) {
		byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
		if (bytes.length == 0) {
			return null;
		}
		if (bytes.length < JwtVerifier.MIN_SECRET_BYTES) {
			throw new InvalidTokenConfigurationException(
					"ANALYTICS_JWT_SECRET is too short: " + bytes.length + " bytes, at least "
							+ JwtVerifier.MIN_SECRET_BYTES + " are required for HS256",
					"Use a random secret of at least " + JwtVerifier.MIN_SECRET_BYTES + " bytes, e.g. the output of"
							+ " `python3 -c 'import secrets; print(secrets.token_urlsafe(48))'`.");
		}
		Set<JWSAlgorithm> hmacAlgorithms = only(allowed, JWSAlgorithm.Family.HMAC_SHA);
		return hmacAlgorithms.isEmpty() ? null
				: new JWSVerificationKeySelector<>(hmacAlgorithms, new ImmutableSecret<>(bytes));
	}

	private static JWSKeySelector<SecurityContext> remoteSelector(JwtProperties properties, Set<JWSAlgorithm> allowed) {
		Set<JWSAlgorithm> asymmetric = allowed.stream()
			.filter(a -> !JWSAlgorithm.Family.HMAC_SHA.contains(a))
			.collect(Collectors.toUnmodifiableSet());
		if (properties.jwksUrl() == null || asymmetric.isEmpty()) {
			return null;
		}
		return new JWSVerificationKeySelector<>(asymmetric, jwkSource(properties));
	}

	private static JWKSource<SecurityContext> jwkSource(JwtProperties properties) {
		int timeoutMillis = (int) properties.jwksTimeout().toMillis();
		var retriever = new DefaultResourceRetriever(timeoutMillis, timeoutMillis, JWKS_MAX_BYTES);
		try {
			// the cache serves known keys; an unknown kid forces a (rate-limited)
			// refetch, which is how rotation lands
			return JWKSourceBuilder.create(properties.jwksUrl().toURL(), retriever)
				.cache(properties.jwksCacheTtl().toMillis(), timeoutMillis)
				.rateLimited(true)
				.retrying(true)
				.build();
		}
		catch (MalformedURLException | IllegalArgumentException e) {
			throw new InvalidTokenConfigurationException(
					"analytics.jwt.jwks-url is not a valid URL: " + properties.jwksUrl(),
					"Set analytics.jwt.jwks-url to the absolute http(s) URL of the identity provider's JWKS.", e);
		}
	}

	private static Set<JWSAlgorithm> only(Set<JWSAlgorithm> allowed, Set<JWSAlgorithm> family) {
		return allowed.stream().filter(family::contains).collect(Collectors.toUnmodifiableSet());
	}

}
