package com.finance.analytics.security;

import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;

/**
 * Turns a compact JWT into a {@link Caller}, or refuses it with
 * {@link ErrorCode#UNAUTHENTICATED}. Signature first (only allow-listed algorithms, each
 * family with its own key source so an RSA public key can never act as an HMAC secret),
 * then the claims: a numeric {@code exp} required and no further away than the configured
 * maximum lifetime, {@code nbf}/{@code iat} honoured with the configured skew, optional
 * {@code iss}/{@code aud}, and a canonical UUID in the user id claim. An empty
 * {@code crit} header, which RFC 7515 forbids, is refused as well.
 */
public class JwtVerifier {

	static final int MIN_SECRET_BYTES = 32;

	private static final Pattern CANONICAL_UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/**
	 * How long a verified token is taken on its word before it is checked again: long
	 * enough that a dashboard's burst of requests verifies its token once, short enough
	 * that a key withdrawn from the key set (which nimbus itself caches for minutes) or a
	 * changed configuration takes effect as quickly as without this cache.
	 */
	static final Duration VERIFIED_FOR = Duration.ofSeconds(60);

	/**
	 * Tokens kept verified at most; more distinct tokens in a minute are verified each
	 * time.
	 */
	static final int VERIFIED_TOKENS = 10_000;

	private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

	/**
	 * Callers of tokens verified recently, keyed by the exact token text (signature
	 * included, so only the very token that was verified is found), each until the
	 * earlier of its expiry and {@link #VERIFIED_FOR}. Refused tokens are never kept.
	 */
	private final Cache<String, Verified> verified = Caffeine.newBuilder()
		.maximumSize(VERIFIED_TOKENS)
		.expireAfterWrite(VERIFIED_FOR)
		.build();

	private final String userIdClaim;

	public JwtVerifier(JwtProperties properties) {
		this.userIdClaim = properties.userIdClaim();
		Set<JWSAlgorithm> allowed = allowedAlgorithms(properties.algorithms());
		processor.setJWSKeySelector(SignatureKeys.selectorFor(properties, allowed));
		processor.setJWTClaimsSetVerifier(claimsVerifier(properties));
	}

	public Caller verify(String token) {
		Verified known = verified.getIfPresent(token);
		long now = System.currentTimeMillis();
		if (known != null && now < known.validUntil()) {
			return known.caller();
		}
		JWTClaimsSet claims = claimsOf(token);
		Caller caller = new Caller(userId(claims), TokenScopes.of(claims));
		verified.put(token,
				new Verified(caller, Math.min(claims.getExpirationTime().getTime(), now + VERIFIED_FOR.toMillis())));
		return caller;
	}

	private JWTClaimsSet claimsOf(String token) {
		JWTClaimsSet claims;
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			if (hasEmptyCriticalList(jwt.getHeader())) {
				throw unauthenticated("Invalid token");
			}
			claims = processor.process(jwt, null);
		}
		catch (AnalyticsException e) {
			throw e;
		}
		catch (ExpiredJWTException e) {
			throw unauthenticated("Token expired");
		}
		catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
			// nimbus messages may echo claim values; the client only learns that the
			// token was refused
			throw unauthenticated("Invalid token");
		}
		return claims;
	}

	private record Verified(Caller caller, long validUntil) {
	}

	static AnalyticsException unauthenticated(String message) {
		return ErrorCode.UNAUTHENTICATED.exception(message);
	}

	/**
	 * nimbus reads {@code "crit": []} as "nothing critical"; RFC 7515 (4.1.11) says the
	 * list must not be empty.
	 */
	private static boolean hasEmptyCriticalList(JWSHeader header) throws ParseException {
		Object critical = JSONObjectUtils.parse(header.toBase64URL().decodeToString()).get("crit");
		return critical instanceof List<?> names && names.isEmpty();
	}

	private UUID userId(JWTClaimsSet claims) {
		Object value = claims.getClaim(userIdClaim);
		if (!(value instanceof String text) || !CANONICAL_UUID.matcher(text).matches()) {
			throw unauthenticated("Invalid token: the user id claim must be a UUID");
		}
		return UUID.fromString(text);
	}

	private static Set<JWSAlgorithm> allowedAlgorithms(List<String> names) {
		Set<JWSAlgorithm> allowed = new LinkedHashSet<>();
		for (String name : names) {
			JWSAlgorithm algorithm = JWSAlgorithm.parse(name.trim());
			if (!SignatureKeys.SUPPORTED.contains(algorithm)) {
				throw new InvalidTokenConfigurationException(
						"analytics.jwt.algorithms names the unsupported algorithm '" + name + "'",
						"Allow only some of " + SignatureKeys.SUPPORTED + " in analytics.jwt.algorithms.");
			}
			allowed.add(algorithm);
		}
		if (allowed.isEmpty()) {
			throw new InvalidTokenConfigurationException("analytics.jwt.algorithms allows no algorithm",
					"Allow at least one of " + SignatureKeys.SUPPORTED + " in analytics.jwt.algorithms.");
		}
		return allowed;
	}

	private static DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier(JwtProperties properties) {
		// a mutable set: nimbus probes it with contains(null), which Set.of refuses
		Set<String> audience = properties.audience().isBlank() ? null : new HashSet<>(Set.of(properties.audience()));
		JWTClaimsSet exactMatch = properties.issuer().isBlank() ? new JWTClaimsSet.Builder().build()
				: new JWTClaimsSet.Builder().issuer(properties.issuer()).build();
		Set<String> required = new HashSet<>(Set.of("exp", properties.userIdClaim()));
		var verifier = new TimeCheckingVerifier(audience, exactMatch, required, properties.maxLifetime());
		verifier.setMaxClockSkew((int) properties.clockSkew().toSeconds());
		return verifier;
	}

	/**
	 * nimbus checks {@code exp} and {@code nbf} when they are there, and counts
	 * {@code "exp": null} as there; here the expiry must really be a time, a token
	 * claiming to be issued in the future is refused, and so is one that would live
	 * longer than the maximum lifetime (from its issue time or from now).
	 */
	private static final class TimeCheckingVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {

		private final long maxLifetimeMillis;

		TimeCheckingVerifier(Set<String> audience, JWTClaimsSet exactMatch, Set<String> required,
				Duration maxLifetime) {
			super(audience, exactMatch, required, null);
			this.maxLifetimeMillis = maxLifetime.toMillis();
		}

		@Override
		public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
			super.verify(claims, context);
			Date expiresAt = claims.getExpirationTime();
			if (expiresAt == null) {
				throw new BadJWTException("JWT without a numeric expiry");
			}
			long now = System.currentTimeMillis();
			long skew = getMaxClockSkew() * 1000L;
			Date issuedAt = claims.getIssueTime();
			if (issuedAt != null && issuedAt.getTime() > now + skew) {
				throw new BadJWTException("JWT issued in the future");
			}
			long from = issuedAt == null ? now : Math.min(issuedAt.getTime(), now);
			if (expiresAt.getTime() - from > maxLifetimeMillis + skew) {
				throw new BadJWTException("JWT lifetime beyond the maximum");
			}
		}

	}

}
