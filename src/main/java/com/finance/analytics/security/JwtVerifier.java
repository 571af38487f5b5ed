package com.finance.analytics.security;

import java.text.ParseException;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.finance.analytics.error.AnalyticsException;
import com.finance.analytics.error.ErrorCode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;

/**
 * Turns a compact JWT into a {@link Caller}, or refuses it with {@link ErrorCode#UNAUTHENTICATED}. Signature first
 * (only allow-listed algorithms, each family with its own key source so an RSA public key can never act as an HMAC
 * secret), then the claims: {@code exp} required, {@code nbf}/{@code iat} honoured with the configured skew, optional
 * {@code iss}/{@code aud}, and a canonical UUID in the user id claim.
 */
public class JwtVerifier {

    static final int MIN_SECRET_BYTES = 32;

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String userIdClaim;

    public JwtVerifier(JwtProperties properties) {
        this.userIdClaim = properties.userIdClaim();
        Set<JWSAlgorithm> allowed = allowedAlgorithms(properties.algorithms());
        processor.setJWSKeySelector(SignatureKeys.selectorFor(properties, allowed));
        processor.setJWTClaimsSetVerifier(claimsVerifier(properties));
    }

    public Caller verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ExpiredJWTException e) {
            throw unauthenticated("Token expired");
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            // nimbus messages may echo claim values; the client only learns that the token was refused
            throw unauthenticated("Invalid token");
        }
        return new Caller(userId(claims), TokenScopes.of(claims));
    }

    static AnalyticsException unauthenticated(String message) {
        return ErrorCode.UNAUTHENTICATED.exception(message);
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
        JWTClaimsSet exactMatch = properties.issuer().isBlank()
                ? new JWTClaimsSet.Builder().build()
                : new JWTClaimsSet.Builder().issuer(properties.issuer()).build();
        Set<String> required = new HashSet<>(Set.of("exp", properties.userIdClaim()));
        var verifier = new IssuedAtCheckingVerifier(audience, exactMatch, required);
        verifier.setMaxClockSkew((int) properties.clockSkew().toSeconds());
        return verifier;
    }

    /** nimbus checks {@code exp} and {@code nbf}; a token claiming to be issued in the future is refused as well. */
    private static final class IssuedAtCheckingVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {

        IssuedAtCheckingVerifier(Set<String> audience, JWTClaimsSet exactMatch, Set<String> required) {
            super(audience, exactMatch, required, null);
        }

        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
            super.verify(claims, context);
            Date issuedAt = claims.getIssueTime();
            long latestAcceptable = System.currentTimeMillis() + getMaxClockSkew() * 1000L;
            if (issuedAt != null && issuedAt.getTime() > latestAcceptable) {
                throw new BadJWTException("JWT issued in the future");
            }
        }
    }
}
